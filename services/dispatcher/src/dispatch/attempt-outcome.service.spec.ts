import type { AttemptCompletionRepository, AttemptState, ClaimedAttempt, CompletionResult } from '@hook0/db';
import { createDispatcherMetrics, createLogger, createRegistry } from '@hook0/observability';
import type { SendResult } from '../delivery/http-sender';
import { metricValue } from '../../test/metric-value';
import { AttemptOutcomeService } from './attempt-outcome.service';

const NOW = 1_800_000_000_000;
const attempt = {
  attemptId: '0190a8f2-0000-7000-8000-00000000000a',
  eventId: '0190a8f2-0000-7000-8000-00000000000e',
  receivedAt: new Date(NOW - 2_500),
  subscriptionId: '0190a8f2-0000-7000-8000-000000000005',
  applicationId: '0190a8f2-0000-7000-8000-0000000000aa',
  retryCount: 0,
  retryScheduleMs: null,
  maxRetries: null,
} as unknown as ClaimedAttempt;
const failed503: SendResult = { status: 503, headers: {}, body: 'busy', errorName: 'E_HTTP', elapsedMs: 5 };

function setup(result: CompletionResult, retry = { scheduleMs: [300], maxRetries: 2 }) {
  const completion = { complete: jest.fn(async () => result) };
  const publisher = { deliver: jest.fn(async () => undefined), wait: jest.fn(async () => undefined), dead: jest.fn(async () => undefined) };
  const metrics = createDispatcherMetrics(createRegistry('test'));
  const service = new AttemptOutcomeService({
    completion: completion as unknown as AttemptCompletionRepository,
    publisher,
    metrics,
    logger: createLogger('test', 'error', true),
    workerName: 'me',
    waitTiersMs: [100, 200, 400],
    retryDefaults: { ...retry, jitterRatio: 0, jitterMinSpreadMs: 0, jitterMaxSpreadMs: 0 },
    now: () => NOW,
    random: () => 0.5,
  });
  return { service, completion, publisher, metrics };
}

describe('AttemptOutcomeService.complete', () => {
  it('records a success, observes its end-to-end latency and announces nothing', async () => {
    const { service, completion, publisher, metrics } = setup({
      completed: true,
      subscriptionActive: true,
      successor: null,
      parkedWaiting: false,
      handedOver: null,
    });
    await service.complete(attempt, { status: 200, headers: {}, body: 'ok', errorName: null, elapsedMs: 3 }, true);
    expect(completion.complete).toHaveBeenCalledWith(
      expect.objectContaining({ succeeded: true, retry: null, workerName: 'me', handOver: true }),
    );
    expect(publisher.deliver).not.toHaveBeenCalled();
    expect(publisher.dead).not.toHaveBeenCalled();
    expect(await metricValue(metrics.endToEndLatency, {}, 'hook0_end_to_end_latency_seconds_sum')).toBe(2.5);
    expect(await metricValue(metrics.endToEndLatency, {}, 'hook0_end_to_end_latency_seconds_count')).toBe(1);
  });

  it('tells whether attempts of the subscription are parked, and which one was handed the place it freed', async () => {
    const succeeded = { status: 200, headers: {}, body: '', errorName: null, elapsedMs: 1 };
    const next = { ...attempt, attemptId: 'next' };
    const waiting = setup({ completed: true, subscriptionActive: true, successor: null, parkedWaiting: true, handedOver: next });
    await expect(waiting.service.complete(attempt, succeeded, true)).resolves.toEqual({ parkedWaiting: true, handedOver: next });
    const lost = setup({ completed: false });
    await expect(lost.service.complete(attempt, succeeded, true)).resolves.toEqual({ parkedWaiting: false, handedOver: null });
  });

  it('schedules a successor after the scheduled delay, publishes it due at its delay_until and counts it under its tier', async () => {
    const delayUntil = new Date(NOW + 300);
    const { service, completion, publisher, metrics } = setup({
      completed: true,
      subscriptionActive: true,
      successor: { attemptId: 'next', delayUntil },
      parkedWaiting: false,
      handedOver: null,
    });
    await service.complete(attempt, failed503, true);
    expect(completion.complete).toHaveBeenCalledWith(
      expect.objectContaining({
        succeeded: false,
        retry: { successorId: expect.any(String), delayMs: 300 },
        response: expect.objectContaining({ httpCode: 503, errorName: 'E_HTTP' }),
      }),
    );
    expect(publisher.deliver).toHaveBeenCalledWith('next', delayUntil.getTime());
    expect(await metricValue(metrics.retriesScheduled, { tier: '200ms' })).toBe(1);
    expect(await metricValue(metrics.endToEndLatency, {}, 'hook0_end_to_end_latency_seconds_count')).toBe(0);
  });

  it('dead-letters a delivery out of retries, counted by reason', async () => {
    const { service, publisher, metrics } = setup({
      completed: true,
      subscriptionActive: true,
      successor: null,
      parkedWaiting: false,
      handedOver: null,
    });
    await service.complete({ ...attempt, retryCount: 2 }, failed503, true);
    expect(publisher.dead).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'attempt.dead', attemptId: attempt.attemptId, reason: 'retries_exhausted' }),
    );
    expect(await metricValue(metrics.deadLettered, { reason: 'retries_exhausted' })).toBe(1);
    expect(await metricValue(metrics.deadLettered, { reason: 'invalid_header' })).toBe(0);
  });

  it('neither retries nor dead-letters once the subscription is gone', async () => {
    const { service, publisher } = setup({
      completed: true,
      subscriptionActive: false,
      successor: null,
      parkedWaiting: false,
      handedOver: null,
    });
    await service.complete({ ...attempt, retryCount: 2 }, failed503, true);
    expect(publisher.dead).not.toHaveBeenCalled();
    expect(publisher.deliver).not.toHaveBeenCalled();
  });

  it('announces nothing when the lease was lost to another dispatcher', async () => {
    const { service, publisher } = setup({ completed: false });
    await service.complete({ ...attempt, retryCount: 2 }, failed503, true);
    expect(publisher.dead).not.toHaveBeenCalled();
  });
});

describe('AttemptOutcomeService.recover', () => {
  const state = (changes: Partial<AttemptState>): AttemptState =>
    ({
      ...attempt,
      succeededAt: null,
      failedAt: new Date(NOW - 1000),
      responseId: 'response',
      responseErrorName: 'E_HTTP',
      httpCode: 503,
      retryAfter: null,
      subscriptionActive: true,
      successorId: null,
      successorDelayUntil: null,
      successorPending: null,
      ...changes,
    }) as AttemptState;

  it('re-publishes a pending successor', async () => {
    const { service, publisher } = setup({ completed: false });
    await service.recover(state({ successorId: 'next', successorPending: true, successorDelayUntil: new Date(NOW + 300) }));
    expect(publisher.deliver).toHaveBeenCalledWith('next', NOW + 300);
  });

  it('leaves a finished successor alone', async () => {
    const { service, publisher } = setup({ completed: false });
    await service.recover(state({ successorId: 'next', successorPending: false }));
    expect(publisher.deliver).not.toHaveBeenCalled();
  });

  it('re-publishes the dead letter of an exhausted delivery', async () => {
    const { service, publisher } = setup({ completed: false });
    await service.recover(state({ retryCount: 2 }));
    expect(publisher.dead).toHaveBeenCalledWith(expect.objectContaining({ reason: 'retries_exhausted' }));
  });

  it('does nothing for a success, a cancellation without response, or a gone subscription', async () => {
    const { service, publisher } = setup({ completed: false });
    await service.recover(state({ failedAt: null, succeededAt: new Date(NOW) }));
    await service.recover(state({ retryCount: 2, responseId: null }));
    await service.recover(state({ retryCount: 2, subscriptionActive: false }));
    expect(publisher.dead).not.toHaveBeenCalled();
    expect(publisher.deliver).not.toHaveBeenCalled();
  });
});
