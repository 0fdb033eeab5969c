import { randomUUID } from 'node:crypto';
import { createApplication, createEvent, createSubscription, waitFor } from '@hook0/testing';
import { useDispatcherWorld } from '../../test/dispatcher-harness';

const TYPE = 'billing.invoice.paid';

describe('the lost-message reconciler: attempts', () => {
  const world = useDispatcherWorld();

  /** A pending attempt whose deliver message was lost: the row exists, no message does. */
  async function orphanAttempt(pastDueMs: number, leasedForMs: number | null = null) {
    const { applicationId } = await createApplication(world.pool);
    const subscription = await createSubscription(world.pool, applicationId, { url: world.harness.receiver.url, eventTypes: [TYPE] });
    const event = await createEvent(world.pool, applicationId, { eventTypeName: TYPE });
    const attemptId = randomUUID();
    await world.pool.query(
      `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count, created_at, lease_expires_at)
       VALUES ($1, $2, $3, $4, 0, 0, now() - $5 * interval '1 millisecond', now() + $6 * interval '1 millisecond')`,
      [attemptId, event.eventId, subscription.subscriptionId, applicationId, pastDueMs, leasedForMs],
    );
    return { attemptId, applicationId, eventId: event.eventId };
  }

  it('re-publishes pending attempts past the staleness, once, and leaves fresh or leased ones alone', async () => {
    const stale = await orphanAttempt(60_000);
    const fresh = await orphanAttempt(0);
    const leased = await orphanAttempt(60_000, 600_000);
    await world.harness.start({ RECONCILE_INTERVAL: '100ms', RECONCILE_STALE_AFTER: '30s' });

    const [request] = await world.harness.receiver.waitForRequests(1);
    expect(request.headers['x-event-id']).toBe(stale.eventId);
    const [attempt] = await world.harness.finishedAttempts(stale, 1);
    expect(attempt.succeededAt).not.toBeNull();

    const { rows } = await world.pool.query<{ id: string; reconciled: boolean; pending: boolean }>(
      `SELECT request_attempt_id AS id, reconciled_at IS NOT NULL AS reconciled, succeeded_at IS NULL AS pending
         FROM request_attempt WHERE request_attempt_id = ANY($1)`,
      [[fresh.attemptId, leased.attemptId]],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: fresh.attemptId, reconciled: false, pending: true },
        { id: leased.attemptId, reconciled: false, pending: true },
      ]),
    );
    expect(world.harness.receiver.requests).toHaveLength(1);
  });

  it('lets two dispatchers share the pass without delivering an attempt twice', async () => {
    const orphans = await Promise.all(Array.from({ length: 20 }, () => orphanAttempt(60_000)));
    await world.harness.start({ RECONCILE_INTERVAL: '50ms', RECONCILE_STALE_AFTER: '30s' });
    await world.harness.start({ RECONCILE_INTERVAL: '50ms', RECONCILE_STALE_AFTER: '30s' });

    await world.harness.receiver.waitForRequests(20);
    await waitFor(async () => {
      const { rows } = await world.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM request_attempt WHERE succeeded_at IS NOT NULL AND request_attempt_id = ANY($1)',
        [orphans.map((orphan) => orphan.attemptId)],
      );
      return rows[0].n === 20 ? true : undefined;
    }, '20 succeeded attempts');
    const ids = world.harness.receiver.requests.map((request) => request.headers['x-event-id']);
    expect(new Set(ids).size).toBe(20);
    expect(ids.sort()).toEqual(orphans.map((orphan) => orphan.eventId).sort());
  });
});

describe('the lease reconciler: dispatchers that died holding attempts', () => {
  const world = useDispatcherWorld();

  async function attemptOf(state: string, subscription: { maxInFlight?: number } = {}) {
    const { applicationId } = await createApplication(world.pool);
    const { subscriptionId } = await createSubscription(world.pool, applicationId, {
      url: world.harness.receiver.url,
      eventTypes: [TYPE],
      ...subscription,
    });
    const event = await createEvent(world.pool, applicationId, { eventTypeName: TYPE });
    const attemptId = randomUUID();
    await world.pool.query(
      `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count)
       VALUES ($1, $2, $3, $4, 0, 0)`,
      [attemptId, event.eventId, subscriptionId, applicationId],
    );
    await world.pool.query(`UPDATE request_attempt SET ${state} WHERE request_attempt_id = $1`, [attemptId]);
    return { attemptId, eventId: event.eventId, applicationId, subscriptionId, event };
  }

  it('announces again an attempt whose lease expired, long before it counts as a lost message', async () => {
    const held = await attemptOf(
      `picked_at = now() - interval '30 seconds', lease_expires_at = now() - interval '5 seconds', worker_name = 'dead'`,
    );
    const alive = await attemptOf(`picked_at = now(), lease_expires_at = now() + interval '1 minute', worker_name = 'alive'`);
    await world.harness.start({ LEASE_RECOVERY_INTERVAL: '100ms', RECONCILE_STALE_AFTER: '10m' });

    const [request] = await world.harness.receiver.waitForRequests(1);
    expect(request.headers['x-event-id']).toBe(held.eventId);
    const [attempt] = await world.harness.finishedAttempts(held.event, 1);
    expect(attempt.succeededAt).not.toBeNull();
    const { rows } = await world.pool.query(`SELECT worker_name FROM request_attempt WHERE request_attempt_id = $1`, [alive.attemptId]);
    expect(rows).toEqual([{ worker_name: 'alive' }]);
    expect(world.harness.receiver.requests).toHaveLength(1);
  });

  it('unparks the oldest parked attempts of a subscription left with room and nothing in flight to pull them', async () => {
    const first = await attemptOf(`parked_at = now() - interval '10 seconds'`, { maxInFlight: 1 });
    const { applicationId } = (
      await world.pool.query(`SELECT application_id AS "applicationId" FROM subscription WHERE subscription_id = $1`, [
        first.subscriptionId,
      ])
    ).rows[0];
    const event = await createEvent(world.pool, applicationId, { eventTypeName: TYPE });
    await world.pool.query(
      `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count, parked_at)
       VALUES ($1, $2, $3, $4, 0, 0, now() - interval '10 seconds')`,
      ['ffffffff-ffff-4fff-bfff-ffffffffffff', event.eventId, first.subscriptionId, applicationId],
    );
    await world.harness.start({ LEASE_RECOVERY_INTERVAL: '100ms' });

    const requests = await world.harness.receiver.waitForRequests(2);
    expect(requests.map((request) => request.headers['x-event-id'])).toEqual([first.eventId, event.eventId]);
  });
});

describe('the lost-message reconciler: dispatches', () => {
  const world = useDispatcherWorld();

  it('re-publishes the dispatch of an event never fanned out for its own application, when another application shares its id', async () => {
    const eventId = randomUUID();
    const events = [];
    for (const name of ['lost', 'dispatched']) {
      const { applicationId } = await createApplication(world.pool);
      await createSubscription(world.pool, applicationId, { url: `${world.harness.receiver.url}/${name}`, eventTypes: [TYPE] });
      events.push(await createEvent(world.pool, applicationId, { eventTypeName: TYPE, eventId, payload: name, contentType: 'text/plain' }));
    }
    const [lost, dispatched] = events;
    await world.pool.query(`UPDATE event SET received_at = now() - interval '1 minute' WHERE event_id = $1`, [eventId]);
    await world.pool.query(`UPDATE event SET dispatched_round = 0 WHERE event_id = $1 AND application_id = $2`, [
      eventId,
      dispatched.applicationId,
    ]);
    await world.harness.start({ RECONCILE_INTERVAL: '100ms', RECONCILE_STALE_AFTER: '30s' });

    const [attempt] = await world.harness.finishedAttempts(lost, 1);
    expect(attempt.succeededAt).not.toBeNull();
    expect(world.harness.receiver.requests.map((request) => [request.path, request.body.toString('utf8')])).toEqual([['/lost', 'lost']]);
    expect(await world.harness.attempts(dispatched)).toEqual([]);
    const { rows } = await world.pool.query('SELECT application_id, dispatched_round FROM event WHERE event_id = $1', [eventId]);
    expect(Object.fromEntries(rows.map((row) => [row.application_id, row.dispatched_round]))).toEqual({
      [lost.applicationId]: 0,
      [dispatched.applicationId]: 0,
    });
  });
});
