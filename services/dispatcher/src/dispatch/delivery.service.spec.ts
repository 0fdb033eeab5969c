import type { AttemptState, ClaimedAttempt, DeliveryRepository } from '@hook0/db';
import { createDispatcherMetrics, createLogger, createRegistry } from '@hook0/observability';
import type { HttpSender, SendResult } from '../delivery/http-sender';
import type { AttemptOutcomeService } from './attempt-outcome.service';
import { metricValue } from '../testing/metric-value';
import { DeliveryService } from './delivery.service';
import type { WorkPublisher } from './work-publisher';

const NOW = 1_800_000_000_000;
const ATTEMPT_ID = '0190a8f2-0000-7000-8000-00000000000a';
const claimed: ClaimedAttempt = {
  attemptId: ATTEMPT_ID,
  eventId: '0190a8f2-0000-7000-8000-00000000000e',
  receivedAt: new Date(NOW - 1_000),
  subscriptionId: '0190a8f2-0000-7000-8000-000000000005',
  applicationId: '0190a8f2-0000-7000-8000-0000000000aa',
  dispatchRound: 0,
  retryCount: 0,
  payload: Buffer.from('{}'),
  payloadContentType: 'application/json',
  eventTypeName: 'billing.invoice.paid',
  targetMethod: 'POST',
  targetUrl: 'https://hooks.acme.test/in',
  targetHeaders: {},
  secret: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  subscriptionEnabled: true,
  subscriptionDeletedAt: null,
  applicationDeletedAt: null,
  retryScheduleMs: null,
  maxRetries: null,
};
const ok: SendResult = { status: 204, headers: {}, body: '', errorName: null, elapsedMs: 12 };

function setup(claim: ClaimedAttempt | null, state: Partial<AttemptState> | null = null) {
  const repository = { claim: jest.fn(async () => claim), cancel: jest.fn(async () => true), findState: jest.fn(async () => state) };
  const publisher = { deliver: jest.fn(async () => undefined), wait: jest.fn(async () => undefined), dead: jest.fn(async () => undefined) };
  const sender = { send: jest.fn(async () => ok), close: jest.fn() };
  const outcomes = { complete: jest.fn(async () => undefined), recover: jest.fn(async () => undefined) };
  const metrics = createDispatcherMetrics(createRegistry('test'));
  const service = new DeliveryService({
    repository: repository as unknown as DeliveryRepository,
    outcomes: outcomes as unknown as AttemptOutcomeService,
    publisher: publisher as WorkPublisher,
    sender: sender as HttpSender,
    metrics,
    logger: createLogger('test', 'error', true),
    workerName: 'me',
    waitTiersMs: [50, 100, 200, 400, 800],
    timeoutMs: 15_000,
    signing: { signatureHeaderName: 'X-Hook0-Signature', signatureVersions: ['v1'], userAgent: 'test' },
    now: () => NOW,
  });
  return { service, repository, publisher, sender, outcomes, metrics };
}

const message = (dueAt: number) => ({ v: 1 as const, type: 'attempt.deliver' as const, attemptId: ATTEMPT_ID, dueAt });

describe('DeliveryService', () => {
  it('parks a message that is not due yet in the largest tier not above the remaining wait', async () => {
    const { service, publisher, repository } = setup(claimed);
    await service.handle(message(NOW + 650));
    expect(publisher.wait).toHaveBeenCalledWith(message(NOW + 650), 400);
    expect(repository.claim).not.toHaveBeenCalled();
  });

  it('claims a due message with a lease of TIMEOUT + 5 s, sends it and completes it', async () => {
    const { service, repository, sender, outcomes, metrics } = setup(claimed);
    await service.handle(message(NOW + 50));
    expect(repository.claim).toHaveBeenCalledWith({ attemptId: ATTEMPT_ID, workerName: 'me', leaseMs: 20_000, earlyToleranceMs: 50 });
    expect(sender.send).toHaveBeenCalledTimes(1);
    expect(outcomes.complete).toHaveBeenCalledWith(claimed, ok);
    expect(await metricValue(metrics.deliveryAttempts, { outcome: 'success', status_class: '2xx' })).toBe(1);
  });

  it('counts a delivery in flight from its send until its outcome is recorded, and no longer once that fails', async () => {
    const { service, outcomes, metrics } = setup(claimed);
    let inFlightWhileRecording = -1;
    outcomes.complete.mockImplementation(async () => {
      inFlightWhileRecording = await metricValue(metrics.deliveriesInFlight);
      throw new Error('database gone');
    });
    await expect(service.handle(message(NOW))).rejects.toThrow('database gone');
    expect(inFlightWhileRecording).toBe(1);
    expect(await metricValue(metrics.deliveriesInFlight)).toBe(0);
  });

  it('fails an attempt of a disabled subscription without sending it', async () => {
    const { service, repository, sender, outcomes } = setup({ ...claimed, subscriptionEnabled: false });
    await service.handle(message(NOW));
    expect(repository.cancel).toHaveBeenCalledWith(ATTEMPT_ID, 'me');
    expect(sender.send).not.toHaveBeenCalled();
    expect(outcomes.complete).not.toHaveBeenCalled();
  });

  it('records an unsignable header as E_INVALID_HEADER without sending', async () => {
    const { service, sender, outcomes, metrics } = setup({ ...claimed, targetHeaders: { 'X-Name': 'caf\u00e9' } });
    await service.handle(message(NOW));
    expect(sender.send).not.toHaveBeenCalled();
    expect(outcomes.complete).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ errorName: 'E_INVALID_HEADER', status: null }));
    expect(await metricValue(metrics.deliveryAttempts, { outcome: 'invalid_target', status_class: 'none' })).toBe(1);
  });

  it("re-publishes a message for an attempt another dispatcher holds, due when that lease expires", async () => {
    const leaseExpiresAt = new Date(NOW + 7_000);
    const { service, publisher, outcomes } = setup(null, { succeededAt: null, failedAt: null, leaseExpiresAt, delayUntil: null });
    await service.handle(message(NOW));
    expect(publisher.deliver).toHaveBeenCalledWith(ATTEMPT_ID, leaseExpiresAt.getTime());
    expect(outcomes.recover).not.toHaveBeenCalled();
  });

  it('never re-publishes a pending attempt sooner than the smallest wait', async () => {
    const { service, publisher } = setup(null, { succeededAt: null, failedAt: null, leaseExpiresAt: null, delayUntil: null });
    await service.handle(message(NOW));
    expect(publisher.deliver).toHaveBeenCalledWith(ATTEMPT_ID, NOW + 51);
  });

  it('hands a finished attempt to recovery, and drops a message for an attempt that no longer exists', async () => {
    const finished = { succeededAt: null, failedAt: new Date(NOW - 1000), leaseExpiresAt: null, delayUntil: null };
    const first = setup(null, finished);
    await first.service.handle(message(NOW));
    expect(first.outcomes.recover).toHaveBeenCalledWith(finished);

    const gone = setup(null, null);
    await gone.service.handle(message(NOW));
    expect(gone.publisher.deliver).not.toHaveBeenCalled();
    expect(gone.outcomes.recover).not.toHaveBeenCalled();
  });
});
