import { randomUUID } from 'node:crypto';
import { type Pool } from 'pg';
import {
  createDispatchFixture,
  createEvent,
  DISPATCH_FIXTURE_EVENT_TYPE,
  insertClaimedAttempt,
  useTestDataSource,
  type SubscriptionOptions,
} from '@hook0/testing';
import { AttemptCompletionRepository, type CompletionRequest } from './attempt-completion.repository';

const WORKER = 'worker-a';

describe('AttemptCompletionRepository', () => {
  const db = useTestDataSource({ applicationName: 'statements-test', poolSize: 2 });
  let pool: Pool;
  let completion: AttemptCompletionRepository;

  beforeAll(() => {
    pool = db.pool;
    completion = new AttemptCompletionRepository(db.dataSource, { leaseMs: 60_000, defaultMaxInFlight: 10 });
  });

  const fixture = (subscriptions?: Partial<SubscriptionOptions>[]) => createDispatchFixture(pool, subscriptions);
  const pendingClaimed = (eventId: string, subscriptionId: string) => insertClaimedAttempt(pool, eventId, subscriptionId, WORKER);

  function request(attemptId: string, applicationId: string, overrides: Partial<CompletionRequest> = {}): CompletionRequest {
    return {
      attemptId,
      applicationId,
      workerName: WORKER,
      succeeded: false,
      response: {
        responseId: randomUUID(),
        errorName: 'E_HTTP',
        httpCode: 503,
        headers: { 'retry-after': '1' },
        body: 'busy',
        elapsedMs: 7,
      },
      retry: { successorId: randomUUID(), delayMs: 60_000 },
      handOver: false,
      ...overrides,
    };
  }

  it('completes a failure with its response and successor, once', async () => {
    const { applicationId, subs, event } = await fixture();
    const attemptId = await pendingClaimed(event.eventId, subs[0].subscriptionId);
    const failed = request(attemptId, applicationId);
    const result = await completion.complete(failed);
    expect(result).toEqual({
      completed: true,
      subscriptionActive: true,
      successor: { attemptId: failed.retry?.successorId, delayUntil: expect.any(Date) },
      parkedWaiting: false,
      handedOver: null,
    });
    const { rows } = await pool.query(
      `SELECT ra.failed_at IS NOT NULL AS failed, ra.succeeded_at, ra.lease_expires_at, r.http_code, r.headers, nx.retry_count AS next_retry,
              extract(epoch FROM nx.delay_until - nx.created_at) AS next_delay_s
         FROM request_attempt ra JOIN response r ON r.response_id = ra.response_id
         JOIN request_attempt nx ON nx.request_attempt_id = $2 WHERE ra.request_attempt_id = $1`,
      [attemptId, failed.retry?.successorId],
    );
    expect(rows[0]).toMatchObject({
      failed: true,
      succeeded_at: null,
      lease_expires_at: null,
      http_code: 503,
      headers: { 'retry-after': '1' },
      next_retry: 1,
    });
    expect(Number(rows[0].next_delay_s)).toBeCloseTo(60, 0);
    expect(await completion.complete(request(attemptId, applicationId))).toEqual({ completed: false });
  });
  it('completes a success without a successor', async () => {
    const { applicationId, subs, event } = await fixture();
    const attemptId = await pendingClaimed(event.eventId, subs[0].subscriptionId);
    const result = await completion.complete(
      request(attemptId, applicationId, {
        succeeded: true,
        response: { responseId: randomUUID(), errorName: null, httpCode: 204, headers: {}, body: '', elapsedMs: 1 },
      }),
    );
    expect(result).toEqual({ completed: true, subscriptionActive: true, successor: null, parkedWaiting: false, handedOver: null });
    const { rows } = await pool.query(`SELECT succeeded_at IS NOT NULL AS ok, failed_at FROM request_attempt WHERE event_id = $1`, [
      event.eventId,
    ]);
    expect(rows).toEqual([{ ok: true, failed_at: null }]);
  });
  it('writes nothing for an attempt another worker holds', async () => {
    const { applicationId, subs, event } = await fixture();
    const attemptId = await pendingClaimed(event.eventId, subs[0].subscriptionId);
    const lost = request(attemptId, applicationId, { workerName: 'worker-b' });
    expect(await completion.complete(lost)).toEqual({ completed: false });
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM response WHERE response_id = $1`, [lost.response.responseId]);
    expect(rows[0].n).toBe(0);
    const attempts = await pool.query(`SELECT failed_at FROM request_attempt WHERE event_id = $1`, [event.eventId]);
    expect(attempts.rows).toEqual([{ failed_at: null }]);
  });
  it('schedules no successor once the subscription is disabled, and keeps an existing one', async () => {
    const { applicationId, subs, event } = await fixture();
    const attemptId = await pendingClaimed(event.eventId, subs[0].subscriptionId);
    await pool.query(`UPDATE subscription SET is_enabled = false WHERE subscription_id = $1`, [subs[0].subscriptionId]);
    expect(await completion.complete(request(attemptId, applicationId))).toEqual({
      completed: true,
      subscriptionActive: false,
      successor: null,
      parkedWaiting: false,
      handedOver: null,
    });

    const other = await fixture();
    const second = await pendingClaimed(other.event.eventId, other.subs[0].subscriptionId);
    await pool.query(
      `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count) VALUES ($1, $2, $3, $4, 0, 1)`,
      [randomUUID(), other.event.eventId, other.subs[0].subscriptionId, other.applicationId],
    );
    expect(await completion.complete(request(second, other.applicationId))).toEqual({
      completed: true,
      subscriptionActive: true,
      successor: null,
      parkedWaiting: false,
      handedOver: null,
    });
  });

  it('completes attempts recorded together, each with its own outcome', async () => {
    const one = await fixture();
    const two = await fixture();
    const three = await fixture();
    const succeeded = await pendingClaimed(one.event.eventId, one.subs[0].subscriptionId);
    const failed = await pendingClaimed(two.event.eventId, two.subs[0].subscriptionId);
    const lost = await pendingClaimed(three.event.eventId, three.subs[0].subscriptionId);
    const ok = { responseId: randomUUID(), errorName: null, httpCode: 200, headers: {}, body: 'ok', elapsedMs: 2 };
    const results = await Promise.all([
      completion.complete(request(succeeded, one.applicationId, { succeeded: true, response: ok })),
      completion.complete(request(failed, two.applicationId)),
      completion.complete(request(lost, three.applicationId, { workerName: 'worker-b' })),
      completion.complete(request(succeeded, one.applicationId, { succeeded: true, response: { ...ok, responseId: randomUUID() } })),
    ]);
    expect(results).toEqual([
      { completed: true, subscriptionActive: true, successor: null, parkedWaiting: false, handedOver: null },
      {
        completed: true,
        subscriptionActive: true,
        successor: { attemptId: expect.any(String), delayUntil: expect.any(Date) },
        parkedWaiting: false,
        handedOver: null,
      },
      { completed: false },
      { completed: false },
    ]);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM response WHERE application_id = ANY($1)`, [
      [one.applicationId, two.applicationId, three.applicationId],
    ]);
    expect(rows[0].n).toBe(2);
  });

  describe('handing the place over to a parked attempt', () => {
    const succeededWith = () => ({
      succeeded: true,
      response: { responseId: randomUUID(), errorName: null, httpCode: 204, headers: {}, body: '', elapsedMs: 1 },
      handOver: true,
    });
    /** A subscription with `held` attempts leased to WORKER and `parked` attempts parked, oldest first, each of its own event. */
    async function subscriptionWith(held: number, parked: number, options: Partial<SubscriptionOptions> = {}) {
      const { applicationId, subs } = await fixture([options]);
      const { subscriptionId } = subs[0];
      const attempt = async () =>
        pendingClaimed((await createEvent(pool, applicationId, { eventTypeName: DISPATCH_FIXTURE_EVENT_TYPE })).eventId, subscriptionId);
      const leased: string[] = [];
      for (let i = 0; i < held; i += 1) leased.push(await attempt());
      const waiting: string[] = [];
      const prefix = randomUUID().slice(0, 8);
      for (let i = 0; i < parked; i += 1) {
        const id = await attempt();
        await pool.query(
          `UPDATE request_attempt SET parked_at = now(), lease_expires_at = NULL, worker_name = NULL, picked_at = NULL,
                  request_attempt_id = $2 WHERE request_attempt_id = $1`,
          [id, (waiting[i] = `${prefix}-0000-7000-8000-${String(i).padStart(12, '0')}`)],
        );
      }
      return { applicationId, subscriptionId, leased, waiting };
    }
    const leaseOf = async (attemptId: string) =>
      (
        await pool.query(
          `SELECT worker_name, lease_expires_at > now() AS leased, parked_at FROM request_attempt WHERE request_attempt_id = $1`,
          [attemptId],
        )
      ).rows[0];

    it('leases the oldest parked attempt to the same worker and returns it ready to send', async () => {
      const { applicationId, leased, waiting } = await subscriptionWith(1, 2);
      const result = await completion.complete(request(leased[0], applicationId, succeededWith()));
      expect(result).toMatchObject({ completed: true, parkedWaiting: true, handedOver: { attemptId: waiting[0], targetMethod: 'POST' } });
      expect(result.completed && result.handedOver?.payload).toBeInstanceOf(Buffer);
      expect(await leaseOf(waiting[0])).toEqual({ worker_name: WORKER, leased: true, parked_at: null });
      expect(await leaseOf(waiting[1])).toMatchObject({ leased: null, parked_at: expect.any(Date) });
    });

    it('gives each completion of a batch its own parked attempt, and none beyond those parked', async () => {
      const { applicationId, leased, waiting } = await subscriptionWith(3, 2);
      const results = await Promise.all(leased.map((id) => completion.complete(request(id, applicationId, succeededWith()))));
      const handed = results.map((result) => (result.completed ? result.handedOver?.attemptId : undefined));
      expect(handed.filter((id) => id !== undefined).sort()).toEqual(waiting);
      expect(handed.filter((id) => id === undefined)).toHaveLength(1);
    });

    it('hands nothing over beyond max_in_flight, once lowered below the leases held', async () => {
      const { applicationId, subscriptionId, leased } = await subscriptionWith(3, 2);
      await pool.query(`UPDATE subscription SET max_in_flight = 2 WHERE subscription_id = $1`, [subscriptionId]);
      const result = await completion.complete(request(leased[0], applicationId, succeededWith()));
      expect(result).toMatchObject({ completed: true, parkedWaiting: true, handedOver: null });
    });

    it('hands nothing over unasked, for a subscription with a rate, or for a disabled one', async () => {
      const unasked = await subscriptionWith(1, 1);
      const result = await completion.complete(request(unasked.leased[0], unasked.applicationId, { ...succeededWith(), handOver: false }));
      expect(result).toMatchObject({ completed: true, parkedWaiting: true, handedOver: null });
      expect(await leaseOf(unasked.waiting[0])).toMatchObject({ parked_at: expect.any(Date) });

      const rated = await subscriptionWith(1, 1, { maxDeliveriesPerSecond: 5 });
      expect(await completion.complete(request(rated.leased[0], rated.applicationId, succeededWith()))).toMatchObject({ handedOver: null });

      const disabled = await subscriptionWith(1, 1);
      await pool.query(`UPDATE subscription SET is_enabled = false WHERE subscription_id = $1`, [disabled.subscriptionId]);
      expect(await completion.complete(request(disabled.leased[0], disabled.applicationId, succeededWith()))).toMatchObject({
        handedOver: null,
      });
    });
  });
});
