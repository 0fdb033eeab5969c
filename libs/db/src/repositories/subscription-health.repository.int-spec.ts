import { randomUUID } from 'node:crypto';
import { createApplication, createEvent, createSubscription, useTestDataSource } from '@hook0/testing';
import { DeliveryRepository } from './delivery.repository';
import { SubscriptionHealthRepository, type HealthReport } from './subscription-health.repository';

const TYPE = 'billing.invoice.paid';
const HOUR = 3_600_000;
const POLICY = { disableAfterMs: 5 * 24 * HOUR, disableMinFailures: 3, probeIntervalMs: HOUR, probeMaxIntervalMs: 3 * HOUR };

const failures = (subscriptionId: string, count: number, fields: Partial<HealthReport> = {}): HealthReport => ({
  subscriptionId,
  lastSuccessAt: null,
  failures: count,
  firstFailureAt: new Date(),
  lastFailureAt: new Date(),
  gone: false,
  probeFailed: false,
  ...fields,
});
const success = (subscriptionId: string): HealthReport => ({
  ...failures(subscriptionId, 0),
  lastSuccessAt: new Date(),
  firstFailureAt: null,
  lastFailureAt: null,
});

describe('SubscriptionHealthRepository', () => {
  const db = useTestDataSource({ applicationName: 'health-test' });
  let health: SubscriptionHealthRepository;

  beforeAll(() => {
    health = new SubscriptionHealthRepository(db.dataSource);
  });

  async function subscription() {
    const { applicationId, organizationId } = await createApplication(db.pool);
    const { subscriptionId } = await createSubscription(db.pool, applicationId, { url: 'http://127.0.0.1:9/', eventTypes: [TYPE] });
    return { applicationId, organizationId, subscriptionId };
  }

  async function heldAttempts(applicationId: string, subscriptionId: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const occurredAt = new Date(Date.UTC(2026, 0, 1, 0, 0, count - i));
      const { eventId } = await createEvent(db.pool, applicationId, { eventTypeName: TYPE, occurredAt });
      const id = randomUUID();
      ids.push(id);
      await db.pool.query(
        `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count, held_at, delay_until)
         VALUES ($1, $2, $3, $4, 0, 0, now(), now() + interval '1 hour')`,
        [id, eventId, subscriptionId, applicationId],
      );
    }
    return ids;
  }

  it('counts a failure streak as failing, and a success clears it', async () => {
    const { subscriptionId } = await subscription();
    const [failing] = await health.record([failures(subscriptionId, 2)], POLICY);
    expect(failing).toMatchObject({ subscriptionId, status: 'failing', previousStatus: 'healthy', disabledReason: null });
    expect((await health.find([subscriptionId])).get(subscriptionId)).toMatchObject({ status: 'failing', consecutiveFailures: 2 });
    const [healthy] = await health.record([success(subscriptionId)], POLICY);
    expect(healthy).toMatchObject({ status: 'healthy', previousStatus: 'failing' });
    expect((await health.find([subscriptionId])).get(subscriptionId)).toMatchObject({ consecutiveFailures: 0 });
  });

  it('disables at once on a 410 Gone, with its first probe one interval away', async () => {
    const { subscriptionId, applicationId, organizationId } = await subscription();
    const [disabled] = await health.record([failures(subscriptionId, 1, { gone: true })], POLICY);
    expect(disabled).toMatchObject({ subscriptionId, applicationId, organizationId, status: 'disabled', disabledReason: 'gone' });
    expect(disabled.nextProbeAt!.getTime() - Date.now()).toBeGreaterThan(HOUR - 60_000);
    expect((await health.disabled()).has(subscriptionId)).toBe(true);
  });

  it('disables a streak only once it is both long enough and old enough', async () => {
    const { subscriptionId } = await subscription();
    const old = new Date(Date.now() - 6 * 24 * HOUR);
    expect(await health.record([failures(subscriptionId, 2, { firstFailureAt: old })], POLICY)).toEqual([
      expect.objectContaining({ status: 'failing' }),
    ]);
    const [disabled] = await health.record([failures(subscriptionId, 1)], POLICY);
    expect(disabled).toMatchObject({ status: 'disabled', disabledReason: 'failing' });

    const young = await subscription();
    await health.record([failures(young.subscriptionId, 50)], POLICY);
    expect((await health.find([young.subscriptionId])).get(young.subscriptionId)).toMatchObject({
      status: 'failing',
      consecutiveFailures: 50,
    });
  });

  it('doubles the probe interval after a failed probe only, up to the maximum, and recovers on a success', async () => {
    const { subscriptionId } = await subscription();
    await health.record([failures(subscriptionId, 1, { gone: true })], POLICY);
    const interval = async () =>
      (await db.pool.query(`SELECT probe_interval_ms::int AS ms FROM subscription_health WHERE subscription_id = $1`, [subscriptionId]))
        .rows[0].ms;
    expect(await health.record([failures(subscriptionId, 4)], POLICY)).toEqual([]);
    expect(await interval()).toBe(HOUR);
    await health.record([failures(subscriptionId, 1, { probeFailed: true })], POLICY);
    expect(await interval()).toBe(2 * HOUR);
    await health.record([failures(subscriptionId, 1, { probeFailed: true })], POLICY);
    await health.record([failures(subscriptionId, 1, { probeFailed: true })], POLICY);
    expect(await interval()).toBe(3 * HOUR);
    const [recovered] = await health.record([success(subscriptionId)], POLICY);
    expect(recovered).toMatchObject({ status: 'healthy', previousStatus: 'disabled', disabledReason: null, nextProbeAt: null });
  });

  it('adds up concurrent reports of the same subscription', async () => {
    const { subscriptionId } = await subscription();
    await Promise.all(Array.from({ length: 10 }, () => health.record([failures(subscriptionId, 1)], POLICY)));
    expect((await health.find([subscriptionId])).get(subscriptionId)).toMatchObject({ consecutiveFailures: 10 });
  });

  it('holds a claimed attempt: lease given up, due at the next probe', async () => {
    const { applicationId, subscriptionId } = await subscription();
    const { eventId } = await createEvent(db.pool, applicationId, { eventTypeName: TYPE });
    const attemptId = randomUUID();
    await db.pool.query(
      `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count)
       VALUES ($1, $2, $3, $4, 0, 0)`,
      [attemptId, eventId, subscriptionId, applicationId],
    );
    const delivery = new DeliveryRepository(db.dataSource, {
      workerName: 'w',
      leaseMs: 60_000,
      earlyToleranceMs: 50,
      defaultMaxInFlight: 10,
    });
    expect((await delivery.claim(attemptId)).outcome).toBe('claimed');
    const probeAt = new Date(Date.now() + HOUR);
    expect(await health.hold(attemptId, 'other worker', probeAt)).toBe(false);
    expect(await health.hold(attemptId, 'w', probeAt)).toBe(true);
    const { rows } = await db.pool.query(
      `SELECT held_at IS NOT NULL AS held, lease_expires_at, picked_at, delay_until FROM request_attempt WHERE request_attempt_id = $1`,
      [attemptId],
    );
    expect(rows[0]).toEqual({ held: true, lease_expires_at: null, picked_at: null, delay_until: probeAt });
  });

  it('probes with the oldest held attempt, once across dispatchers, and postpones a probe with nothing to send', async () => {
    const { applicationId, subscriptionId } = await subscription();
    const idle = await subscription();
    for (const id of [subscriptionId, idle.subscriptionId]) await health.record([failures(id, 1, { gone: true })], POLICY);
    await db.pool.query(`UPDATE subscription_health SET next_probe_at = now() - interval '1 second'`);
    const held = await heldAttempts(applicationId, subscriptionId, 3);
    const [first, second] = await Promise.all([health.claimDueProbes(10, 60_000), health.claimDueProbes(10, 60_000)]);
    const probes = [...first, ...second].filter((probe) => [subscriptionId, idle.subscriptionId].includes(probe.subscriptionId));
    expect(probes).toHaveLength(2);
    expect(probes.find((probe) => probe.subscriptionId === subscriptionId)?.attemptId).toBe(held[0]);
    expect(probes.find((probe) => probe.subscriptionId === idle.subscriptionId)?.attemptId).toBeNull();
    await health.postponeProbe(idle.subscriptionId);
    expect(((await health.find([idle.subscriptionId])).get(idle.subscriptionId)?.nextProbeAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(
      HOUR - 60_000,
    );
  });

  it('releases nothing while disabled, then the held attempts of a recovered subscription, oldest event first, a page at a time', async () => {
    const { applicationId, subscriptionId } = await subscription();
    await health.record([failures(subscriptionId, 1, { gone: true })], POLICY);
    const held = await heldAttempts(applicationId, subscriptionId, 5);
    expect((await health.release(10, 1000)).filter((id) => held.includes(id))).toEqual([]);
    await health.record([success(subscriptionId)], POLICY);
    const released: string[] = [];
    for (let page = 0; page < 3; page += 1) released.push(...(await health.release(2, 1000)).filter((id) => held.includes(id)));
    // heldAttempts gives earlier attempts later occurrence times: released by occurrence, the last created goes first.
    expect(released).toEqual([...held].reverse());
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM request_attempt WHERE subscription_id = $1 AND held_at IS NOT NULL`,
      [subscriptionId],
    );
    expect(rows[0].n).toBe(0);
  });
});
