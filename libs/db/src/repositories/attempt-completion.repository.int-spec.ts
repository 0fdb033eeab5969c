import { randomUUID } from 'node:crypto';
import { type Pool } from 'pg';
import { createDispatchFixture, insertClaimedAttempt, useTestDataSource, type SubscriptionOptions } from '@hook0/testing';
import { AttemptCompletionRepository, type CompletionRequest } from './attempt-completion.repository';

const WORKER = 'worker-a';

describe('AttemptCompletionRepository', () => {
  const db = useTestDataSource({ applicationName: 'statements-test', poolSize: 2 });
  let pool: Pool;
  let completion: AttemptCompletionRepository;

  beforeAll(() => {
    pool = db.pool;
    completion = new AttemptCompletionRepository(db.dataSource);
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
    expect(result).toEqual({ completed: true, subscriptionActive: true, successor: null, parkedWaiting: false });
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
      { completed: true, subscriptionActive: true, successor: null, parkedWaiting: false },
      {
        completed: true,
        subscriptionActive: true,
        successor: { attemptId: expect.any(String), delayUntil: expect.any(Date) },
        parkedWaiting: false,
      },
      { completed: false },
      { completed: false },
    ]);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM response WHERE application_id = ANY($1)`, [
      [one.applicationId, two.applicationId, three.applicationId],
    ]);
    expect(rows[0].n).toBe(2);
  });
});
