import { randomUUID } from 'node:crypto';
import { createTenant } from '../../../test/api-harness';
import { useApiWorld } from '../../../test/api-world';
import { insertAttempt, insertResponse } from '../../../test/attempt-fixtures';
import { ingestEvent } from '../../../test/event-requests';
import { expectProblem } from '../../../test/problem-assertions';
import { subscriptionBody } from '../../../test/subscription.fixtures';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** `GET /subscriptions/{id}/stats` (docs/api.md "Subscription stats"), checked against attempts written with known figures. */
describe('subscription stats', () => {
  const world = useApiWorld();
  let subscriptionId: string;
  let quiet: string;

  const stats = (id: string, query: Record<string, string> = {}) =>
    world.harness
      .http()
      .get(`/subscriptions/${id}/stats`)
      .query({ application_id: world.tenant.applicationId, ...query })
      .set(world.auth);

  beforeAll(async () => {
    const subscribe = async () =>
      (await world.harness.http().post('/subscriptions').set(world.auth).send(subscriptionBody(world.tenant.applicationId)).expect(201))
        .body.subscription_id as string;
    subscriptionId = await subscribe();
    quiet = await subscribe();
    const eventId = await ingestEvent(world.harness, world.tenant);
    const attempt = async (
      createdAgoMs: number,
      outcome: 'succeeded' | 'failed' | 'pending',
      elapsedTimeMs: number,
      retryCount: number,
    ) => {
      const responseId =
        outcome === 'pending' ? null : await insertResponse(world.probe, { applicationId: world.tenant.applicationId, elapsedTimeMs });
      await insertAttempt(world.probe, {
        applicationId: world.tenant.applicationId,
        eventId,
        subscriptionId,
        retryCount,
        createdAt: ago(createdAgoMs),
        succeededAt: outcome === 'succeeded' ? ago(createdAgoMs - 1000) : null,
        failedAt: outcome === 'failed' ? ago(createdAgoMs - 1000) : null,
        responseId,
      });
    };
    // In the last hour (30 min ago): 3 successes, 1 failure, 1 pending; elapsed 10, 20, 30, 40 ms.
    await attempt(30 * MINUTE, 'succeeded', 10, 0);
    await attempt(30 * MINUTE, 'succeeded', 20, 1);
    await attempt(30 * MINUTE, 'succeeded', 30, 2);
    await attempt(30 * MINUTE, 'failed', 40, 3);
    await attempt(30 * MINUTE, 'pending', 0, 4);
    // Five hours ago: one failure of 100 ms. Two days ago: outside 24h, inside 7d.
    await attempt(5 * HOUR, 'failed', 100, 5);
    await attempt(48 * HOUR, 'succeeded', 1000, 6);
  });

  it('sums the period: attempts by outcome, success rate, and percentiles of the recorded elapsed times', async () => {
    const day = await stats(subscriptionId).expect(200);
    // 10, 20, 30, 40, 100: p50 = 30; p95 = 40 + 0.8 × (100 − 40) = 88 (linear interpolation, percentile_cont).
    expect(day.body).toEqual({
      subscription_id: subscriptionId,
      period: '24h',
      attempts: { successful: 3, failed: 2, pending: 1 },
      success_rate: 0.6,
      latency_ms: { p50: 30, p95: 88 },
    });
    const hour = await stats(subscriptionId, { period: '1h' }).expect(200);
    expect(hour.body).toMatchObject({
      attempts: { successful: 3, failed: 1, pending: 1 },
      success_rate: 0.75,
      latency_ms: { p50: 25, p95: 38.5 },
    });
    const week = await stats(subscriptionId, { period: '7d' }).expect(200);
    expect(week.body.attempts).toEqual({ successful: 4, failed: 2, pending: 1 });
  });

  it('reads null rates and latencies for a subscription without attempts', async () => {
    expect((await stats(quiet, { period: '30d' }).expect(200)).body).toEqual({
      subscription_id: quiet,
      period: '30d',
      attempts: { successful: 0, failed: 0, pending: 0 },
      success_rate: null,
      latency_ms: { p50: null, p95: null },
    });
  });

  it('splits the period into aligned buckets, every one present, their sums the totals', async () => {
    const response = await stats(subscriptionId, { period: '24h', bucket: '1h' }).expect(200);
    const { buckets } = response.body as { buckets: { start: string; attempts: Record<string, number>; success_rate: number | null }[] };
    expect(response.body.bucket).toBe('1h');
    expect(buckets.length).toBeGreaterThanOrEqual(24);
    expect(buckets.length).toBeLessThanOrEqual(25);
    for (const bucket of buckets) expect(bucket.start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
    const starts = buckets.map((bucket) => Date.parse(bucket.start));
    expect(starts.slice(1).map((start, i) => start - starts[i])).toEqual(new Array(buckets.length - 1).fill(HOUR));
    const busy = buckets.filter((bucket) => Object.values(bucket.attempts).some((n) => n > 0));
    expect(busy.map((bucket) => bucket.attempts)).toEqual([
      { successful: 0, failed: 1, pending: 0 },
      { successful: 3, failed: 1, pending: 1 },
    ]);
    expect(busy[1].success_rate).toBe(0.75);
    const halfHourAgo = Date.now() - 30 * MINUTE;
    expect(Date.parse(busy[1].start)).toBe(Math.floor(halfHourAgo / HOUR) * HOUR);
  });

  it.each([
    ['7d by the minute (too many buckets)', { period: '7d', bucket: '1m' }],
    ['30d by the minute', { period: '30d', bucket: '1m' }],
    ['a bucket longer than the period', { period: '1h', bucket: '1d' }],
    ['an unknown period', { period: '2h' }],
    ['an unknown bucket', { bucket: '5m' }],
  ])('refuses %s with 400 InvalidQueryString', async (_case, query) => {
    expectProblem(await stats(subscriptionId, query), 400, 'InvalidQueryString');
  });

  it("answers 404 to an unknown subscription and to another application's", async () => {
    expectProblem(await stats(randomUUID()), 404, 'NotFound');
    const other = await createTenant(world.harness);
    const master = { Authorization: `Bearer ${world.harness.masterKey}` };
    expectProblem(
      await world.harness.http().get(`/subscriptions/${subscriptionId}/stats`).query({ application_id: other.applicationId }).set(master),
      404,
      'NotFound',
    );
  });
});
