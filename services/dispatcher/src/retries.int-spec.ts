import { createApplication, createEvent, createSubscription, drainQueue, queueDepth, waitFor } from '@hook0/testing';
import { useDispatcherWorld, type AttemptRow } from '../test/dispatcher-harness';

const TYPE = 'billing.invoice.paid';

function delayBefore(next: AttemptRow, previous: AttemptRow): number {
  return next.delayUntil!.getTime() - previous.failedAt!.getTime();
}

describe('retries', () => {
  const world = useDispatcherWorld();

  async function eventFor(options: { retryScheduleMs?: number[]; maxRetries?: number } = {}) {
    const { applicationId } = await createApplication(world.pool);
    const subscription = await createSubscription(world.pool, applicationId, {
      url: world.harness.receiver.url,
      eventTypes: [TYPE],
      ...options,
    });
    const event = await createEvent(world.pool, applicationId, { eventTypeName: TYPE });
    return { subscription, event };
  }

  async function deadLetters(): Promise<unknown[]> {
    const queue = world.harness.topology.deadLetterQueue;
    await waitFor(async () => ((await queueDepth(world.harness.amqp.url, queue)) > 0 ? true : undefined), 'a dead letter');
    return drainQueue(world.harness.amqp.url, queue);
  }

  it('retries a failing delivery as new attempt rows, on the schedule, until it succeeds', async () => {
    world.harness.receiver.respondWith((_, index) => ({ status: index < 2 ? 503 : 200, body: index < 2 ? 'busy' : 'ok' }));
    const dispatcher = await world.harness.start({ RETRY_SCHEDULE: '300ms,600ms' });
    const { event } = await eventFor();

    await world.harness.dispatch(event);
    const requests = await world.harness.receiver.waitForRequests(3);
    const attempts = await world.harness.finishedAttempts(event, 3);

    expect(attempts.map(({ retryCount, httpCode, errorName }) => ({ retryCount, httpCode, errorName }))).toEqual([
      { retryCount: 0, httpCode: 503, errorName: 'E_HTTP' },
      { retryCount: 1, httpCode: 503, errorName: 'E_HTTP' },
      { retryCount: 2, httpCode: 200, errorName: null },
    ]);
    expect(attempts[0].failedAt).not.toBeNull();
    expect(attempts[1].failedAt).not.toBeNull();
    expect(attempts[2].succeededAt).not.toBeNull();
    expect(attempts[0].responseBody).toBe('busy');
    expect(attempts[0].delayUntil).toBeNull();
    expect(delayBefore(attempts[1], attempts[0])).toBeGreaterThanOrEqual(300);
    expect(delayBefore(attempts[1], attempts[0])).toBeLessThan(1300);
    expect(delayBefore(attempts[2], attempts[1])).toBeGreaterThanOrEqual(600);
    expect(delayBefore(attempts[2], attempts[1])).toBeLessThan(1600);
    expect(requests[1].receivedAt).toBeGreaterThanOrEqual(attempts[1].delayUntil!.getTime() - 60);
    expect(requests[2].receivedAt).toBeGreaterThanOrEqual(attempts[2].delayUntil!.getTime() - 60);
    expect(new Set(requests.map((request) => request.headers['x-event-id']))).toEqual(new Set([event.eventId]));
    // Ladder 50 ms … 1 min: a 300 ms delay counts under the 200 ms tier, a 600 ms one under the 400 ms tier.
    expect(await world.harness.metric(dispatcher, 'hook0_retries_scheduled_total', { tier: '200ms' })).toBe(1);
    expect(await world.harness.metric(dispatcher, 'hook0_retries_scheduled_total', { tier: '400ms' })).toBe(1);
    expect(await world.harness.metric(dispatcher, 'hook0_retries_scheduled_total')).toBe(2);
    expect(await world.harness.metric(dispatcher, 'hook0_delivery_attempts_total', { outcome: 'http_error', status_class: '5xx' })).toBe(2);
  });

  it('parks a retry due later in the wait queue of its tier, where hook0_queue_messages shows it', async () => {
    world.harness.receiver.respondWith(() => ({ status: 503 }));
    const dispatcher = await world.harness.start({ RETRY_SCHEDULE: '30s' });
    const { event } = await eventFor();

    await world.harness.dispatch(event);
    await world.harness.finishedAttempts(event, 1);

    await world.harness.metricReaches(dispatcher, 'hook0_queue_messages', { queue: 'wait.25600ms', kind: 'wait' }, 1);
    expect(await world.harness.metric(dispatcher, 'hook0_retries_scheduled_total', { tier: '25600ms' })).toBe(1);
    expect(await world.harness.metric(dispatcher, 'hook0_queue_messages', { queue: 'deliver', kind: 'work' })).toBe(0);
    expect(await world.harness.metric(dispatcher, 'hook0_queue_messages', { queue: 'dead-letters', kind: 'dead' })).toBe(0);
    expect(await world.harness.metric(dispatcher, 'hook0_queue_messages', { kind: 'wait' })).toBe(1);
  });

  it('waits at least as long as Retry-After on a 429, even with a shorter schedule', async () => {
    world.harness.receiver.respondWith((_, index) => (index === 0 ? { status: 429, headers: { 'Retry-After': '1' } } : { status: 204 }));
    await world.harness.start({ RETRY_SCHEDULE: '300ms' });
    const { event } = await eventFor();

    await world.harness.dispatch(event);
    const requests = await world.harness.receiver.waitForRequests(2);
    const attempts = await world.harness.finishedAttempts(event, 2);

    expect(attempts.map((attempt) => attempt.httpCode)).toEqual([429, 204]);
    expect(delayBefore(attempts[1], attempts[0])).toBeGreaterThanOrEqual(1000);
    expect(delayBefore(attempts[1], attempts[0])).toBeLessThan(2000);
    expect(requests[1].receivedAt - requests[0].receivedAt).toBeGreaterThanOrEqual(950);
  });

  it("uses a subscription's own retry schedule and limit over the instance defaults", async () => {
    world.harness.receiver.respondWith(() => ({ status: 500 }));
    await world.harness.start({ RETRY_SCHEDULE: '5s', MAX_RETRIES: '5' });
    const { event, subscription } = await eventFor({ retryScheduleMs: [1000, 1500], maxRetries: 2 });

    await world.harness.dispatch(event);
    const [dead] = await deadLetters();
    const attempts = await world.harness.attempts(event);

    expect(attempts.map((attempt) => attempt.retryCount)).toEqual([0, 1, 2]);
    expect(attempts.every((attempt) => attempt.failedAt !== null && attempt.errorName === 'E_HTTP')).toBe(true);
    expect(delayBefore(attempts[1], attempts[0])).toBeGreaterThanOrEqual(1000);
    expect(delayBefore(attempts[1], attempts[0])).toBeLessThan(2000);
    expect(delayBefore(attempts[2], attempts[1])).toBeGreaterThanOrEqual(1500);
    expect(delayBefore(attempts[2], attempts[1])).toBeLessThan(2500);
    expect(dead).toMatchObject({ type: 'attempt.dead', attemptId: attempts[2].attemptId, subscriptionId: subscription.subscriptionId });
  });

  it('waits at least 1 s between retries of a subscription stored with a shorter step before the rule', async () => {
    world.harness.receiver.respondWith(() => ({ status: 500 }));
    await world.harness.start({ RETRY_SCHEDULE: '50ms', MAX_RETRIES: '5' });
    const { event } = await eventFor({ retryScheduleMs: [1], maxRetries: 1 });

    await world.harness.dispatch(event);
    await deadLetters();
    const attempts = await world.harness.attempts(event);

    expect(attempts.map((attempt) => attempt.retryCount)).toEqual([0, 1]);
    expect(delayBefore(attempts[1], attempts[0])).toBeGreaterThanOrEqual(1000);
    const requests = world.harness.receiver.requests;
    expect(requests[1].receivedAt - requests[0].receivedAt).toBeGreaterThanOrEqual(950);
  });

  it('dead-letters a delivery whose retries are exhausted, and schedules nothing more', async () => {
    world.harness.receiver.respondWith(() => ({ status: 502 }));
    const dispatcher = await world.harness.start({ MAX_RETRIES: '1' });
    const { event, subscription } = await eventFor();

    await world.harness.dispatch(event);
    const dead = await deadLetters();
    const attempts = await world.harness.attempts(event);

    expect(attempts.map(({ retryCount, httpCode }) => ({ retryCount, httpCode }))).toEqual([
      { retryCount: 0, httpCode: 502 },
      { retryCount: 1, httpCode: 502 },
    ]);
    expect(attempts.every((attempt) => attempt.failedAt !== null)).toBe(true);
    expect(dead).toEqual([
      {
        v: 1,
        type: 'attempt.dead',
        attemptId: attempts[1].attemptId,
        eventId: event.eventId,
        subscriptionId: subscription.subscriptionId,
        reason: 'retries_exhausted',
      },
    ]);
    expect(world.harness.receiver.requests).toHaveLength(2);
    await world.harness.metricReaches(dispatcher, 'hook0_deliveries_dead_lettered_total', { reason: 'retries_exhausted' }, 1);
    expect(await world.harness.metric(dispatcher, 'hook0_deliveries_dead_lettered_total', { reason: 'invalid_header' })).toBe(0);
  });

  it('never retries a delivery whose headers cannot be signed (E_INVALID_HEADER)', async () => {
    const dispatcher = await world.harness.start({ MAX_RETRIES: '5' });
    const { applicationId } = await createApplication(world.pool);
    await createSubscription(world.pool, applicationId, {
      url: world.harness.receiver.url,
      eventTypes: [TYPE],
      headers: { 'X-Name': 'cart\u00e3o' },
    });
    const event = await createEvent(world.pool, applicationId, { eventTypeName: TYPE });

    await world.harness.dispatch(event);
    const dead = await deadLetters();
    const attempts = await world.harness.attempts(event);

    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ errorName: 'E_INVALID_HEADER', httpCode: null });
    expect(dead).toEqual([expect.objectContaining({ reason: 'invalid_header' })]);
    expect(world.harness.receiver.requests).toHaveLength(0);
    await world.harness.metricReaches(dispatcher, 'hook0_deliveries_dead_lettered_total', { reason: 'invalid_header' }, 1);
    expect(
      await world.harness.metric(dispatcher, 'hook0_delivery_attempts_total', { outcome: 'invalid_target', status_class: 'none' }),
    ).toBe(1);
  });
});
