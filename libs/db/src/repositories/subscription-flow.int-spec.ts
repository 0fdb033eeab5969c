import { randomUUID } from 'node:crypto';
import { createApplication, createEvent, createSubscription, useTestDataSource, waitFor, type SubscriptionOptions } from '@hook0/testing';
import { DeliveryRepository, type ClaimOutcome } from './delivery.repository';

const TYPE = 'billing.invoice.paid';
const SETTINGS = { leaseMs: 60_000, earlyToleranceMs: 50, defaultMaxInFlight: 3 };

describe('per-subscription flow control in the claim', () => {
  const db = useTestDataSource({ applicationName: 'flow-test' });
  let one: DeliveryRepository;
  let two: DeliveryRepository;

  beforeAll(() => {
    one = new DeliveryRepository(db.dataSource, { ...SETTINGS, workerName: 'one' });
    two = new DeliveryRepository(db.dataSource, { ...SETTINGS, workerName: 'two' });
  });

  /** `count` pending first attempts of one subscription, their ids sorted: the order in which they are served. */
  async function subscriptionWithAttempts(count: number, options: Partial<SubscriptionOptions> = {}) {
    const { applicationId } = await createApplication(db.pool);
    const { subscriptionId } = await createSubscription(db.pool, applicationId, {
      url: 'http://127.0.0.1:9/',
      eventTypes: [TYPE],
      ...options,
    });
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const { eventId } = await createEvent(db.pool, applicationId, { eventTypeName: TYPE });
      const id = randomUUID();
      ids.push(id);
      await db.pool.query(
        `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count)
         VALUES ($1, $2, $3, $4, 0, 0)`,
        [id, eventId, subscriptionId, applicationId],
      );
    }
    return { subscriptionId, ids: [...ids].sort() };
  }

  const outcomes = (claims: ClaimOutcome[]) => claims.map((claim) => claim.outcome);
  const leased = async (subscriptionId: string) =>
    (
      await db.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM request_attempt WHERE subscription_id = $1 AND lease_expires_at > now()`,
        [subscriptionId],
      )
    ).rows[0].n;

  it('claims up to the default max_in_flight and parks the rest, whichever dispatcher asks', async () => {
    const { subscriptionId, ids } = await subscriptionWithAttempts(8);
    const claims = await Promise.all(ids.map((id, index) => (index % 2 === 0 ? one : two).claim(id)));
    expect(outcomes(claims).filter((o) => o === 'claimed')).toHaveLength(3);
    expect(outcomes(claims).filter((o) => o === 'parked')).toHaveLength(5);
    expect(await leased(subscriptionId)).toBe(3);
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM request_attempt WHERE subscription_id = $1 AND parked_at IS NOT NULL`,
      [subscriptionId],
    );
    expect(rows[0].n).toBe(5);
  });

  it("takes the subscription's own max_in_flight over the default", async () => {
    const { ids } = await subscriptionWithAttempts(6, { maxInFlight: 5 });
    const claims = await Promise.all(ids.map((id) => one.claim(id)));
    expect(outcomes(claims)).toEqual(['claimed', 'claimed', 'claimed', 'claimed', 'claimed', 'parked']);
  });

  it('does not count finished deliveries or expired leases as in flight', async () => {
    const { subscriptionId, ids } = await subscriptionWithAttempts(5, { maxInFlight: 2 });
    await db.pool.query(`UPDATE request_attempt SET succeeded_at = now(), lease_expires_at = NULL WHERE request_attempt_id = $1`, [ids[0]]);
    await db.pool.query(
      `UPDATE request_attempt SET lease_expires_at = now() - interval '1 second', worker_name = 'dead' WHERE request_attempt_id = $1`,
      [ids[1]],
    );
    const claims = await Promise.all(ids.slice(2).map((id) => one.claim(id)));
    expect(outcomes(claims)).toEqual(['claimed', 'claimed', 'parked']);
    expect(await leased(subscriptionId)).toBe(2);
  });

  it('pulls parked attempts oldest first, within the room a completion freed', async () => {
    const { subscriptionId, ids } = await subscriptionWithAttempts(6, { maxInFlight: 2 });
    for (const id of ids) await one.claim(id);
    expect(await two.pullParked(subscriptionId, 4)).toEqual([]);
    await db.pool.query(`UPDATE request_attempt SET succeeded_at = now(), lease_expires_at = NULL WHERE request_attempt_id = $1`, [ids[0]]);
    const pulled = await two.pullParked(subscriptionId, 4);
    expect(pulled.map((claim) => (claim.outcome === 'claimed' ? claim.attempt.attemptId : null))).toEqual([ids[2]]);
    const { rows } = await db.pool.query(`SELECT worker_name, parked_at FROM request_attempt WHERE request_attempt_id = $1`, [ids[2]]);
    expect(rows).toEqual([{ worker_name: 'two', parked_at: null }]);
  });

  it('gives pulls of one subscription made together their own shares of the oldest parked attempts, within the room', async () => {
    const { subscriptionId, ids } = await subscriptionWithAttempts(9, { maxInFlight: 4 });
    for (const id of ids) await one.claim(id);
    await db.pool.query(`UPDATE request_attempt SET succeeded_at = now(), lease_expires_at = NULL WHERE request_attempt_id = ANY($1)`, [
      ids.slice(0, 3),
    ]);
    const [first, second, third] = await Promise.all([
      two.pullParked(subscriptionId, 1),
      two.pullParked(subscriptionId, 2),
      two.pullParked(subscriptionId, 1),
    ]);
    const claimedIds = (claims: ClaimOutcome[]) =>
      claims.map((claim) => (claim.outcome === 'claimed' ? claim.attempt.attemptId : claim.outcome));
    expect([first, second, third].map((claims) => claims.length)).toEqual([1, 2, 0]);
    expect([...claimedIds(first), ...claimedIds(second)].sort()).toEqual(ids.slice(4, 7).sort());
    expect(await leased(subscriptionId)).toBe(4);
  });

  it('defers beyond the rate with reserved, spaced slots, and claims a reserved slot once due without a new one', async () => {
    const { subscriptionId, ids } = await subscriptionWithAttempts(5, { maxDeliveriesPerSecond: 2, maxInFlight: 100 });
    const claims = await Promise.all(ids.map((id) => one.claim(id)));
    expect(outcomes(claims)).toEqual(['claimed', 'claimed', 'deferred', 'deferred', 'deferred']);
    const due = claims.flatMap((claim) => (claim.outcome === 'deferred' ? [claim.dueAt] : []));
    expect(due[1] - due[0]).toBeCloseTo(500, -1);
    expect(due[2] - due[1]).toBeCloseTo(500, -1);
    expect(await one.claim(ids[2])).toEqual({ outcome: 'unavailable', attemptId: ids[2] });

    await db.pool.query(`UPDATE request_attempt SET delay_until = now(), rate_slot_at = now() WHERE request_attempt_id = $1`, [ids[2]]);
    expect((await one.claim(ids[2])).outcome).toBe('claimed');
    const { rows } = await db.pool.query(
      `SELECT extract(epoch FROM tat - now()) AS ahead FROM subscription_rate WHERE subscription_id = $1`,
      [subscriptionId],
    );
    expect(Number(rows[0].ahead)).toBeGreaterThan(1.9);
  });

  it('serializes claims of one subscription: a claim waits for a concurrent one to commit, then counts its leases', async () => {
    const { subscriptionId, ids } = await subscriptionWithAttempts(6, { maxInFlight: 3 });
    const holder = await db.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT * FROM hook0_claim_attempts($1, $2, $3, $4, $5, $6, $7)', [
        ids.slice(0, 3),
        [],
        [],
        'holder',
        60_000,
        50,
        3,
      ]);
      const concurrent = Promise.all(ids.slice(3).map((id) => one.claim(id)));
      await waitFor(
        async () => {
          const { rows } = await db.pool.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          return rows[0].n > 0 ? true : undefined;
        },
        'a claim waiting for the subscription lock',
        5_000,
      );
      await holder.query('COMMIT');
      expect(outcomes(await concurrent)).toEqual(['parked', 'parked', 'parked']);
    } finally {
      holder.release();
    }
    expect(await leased(subscriptionId)).toBe(3);
  });
});
