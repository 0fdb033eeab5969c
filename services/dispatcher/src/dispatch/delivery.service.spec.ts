import type { AttemptState, ClaimedAttempt, ClaimOutcome, DeliveryRepository } from '@hook0/db';
import { createDispatcherMetrics, createLogger, createRegistry } from '@hook0/observability';
import type { HttpSender, SendResult } from '../delivery/http-sender';
import type { AttemptOutcomeService, CompletionFollowUp } from './attempt-outcome.service';
import { metricValue } from '../../test/metric-value';
import { DeliverySlots, DispatcherStoppingError } from './delivery-slots';
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

const claimedOutcome = (attempt: ClaimedAttempt): ClaimOutcome => ({ outcome: 'claimed', attempt });
const unavailable: ClaimOutcome = { outcome: 'unavailable', attemptId: ATTEMPT_ID };

function setup(claim: ClaimOutcome, state: Partial<AttemptState> | null = null, slotCount = 4, disabled = new Map<string, Date | null>()) {
  const repository = {
    claim: jest.fn(async (): Promise<ClaimOutcome> => claim),
    pullParked: jest.fn(async (): Promise<ClaimOutcome[]> => []),
    cancel: jest.fn(async () => true),
    findState: jest.fn(async () => state),
  };
  const publisher = { deliver: jest.fn(async () => undefined), wait: jest.fn(async () => undefined), dead: jest.fn(async () => undefined) };
  const sender = { send: jest.fn(async () => ok), close: jest.fn() };
  const outcomes = {
    complete: jest.fn(async (): Promise<CompletionFollowUp> => ({ parkedWaiting: false, handedOver: null })),
    recover: jest.fn(async () => undefined),
  };
  const metrics = createDispatcherMetrics(createRegistry('test'));
  const health = {
    disabledUntil: (subscriptionId: string) => disabled.get(subscriptionId),
    hold: jest.fn(async () => true),
    report: jest.fn(),
  };
  const errors: unknown[] = [];
  const slots = new DeliverySlots(slotCount, (error) => errors.push(error));
  const service = new DeliveryService({
    repository: repository as unknown as DeliveryRepository,
    outcomes: outcomes as unknown as AttemptOutcomeService,
    publisher: publisher as WorkPublisher,
    sender: sender as HttpSender,
    health,
    slots,
    metrics,
    logger: createLogger('test', 'error', true),
    waitTiersMs: [50, 100, 200, 400, 800],
    signing: { signatureHeaderName: 'X-Hook0-Signature', signatureVersions: ['v1'], userAgent: 'test' },
    isTransient: (error) => error instanceof Error && error.message === 'database gone',
    now: () => NOW,
  });
  /** Everything the message started in the background, settled. */
  const settled = () => slots.whenIdle();
  return { service, repository, publisher, sender, outcomes, metrics, slots, settled, errors, health };
}

const message = (dueAt: number) => ({ v: 1 as const, type: 'attempt.deliver' as const, attemptId: ATTEMPT_ID, dueAt });

describe('DeliveryService', () => {
  it('parks a message that is not due yet in the largest tier not above the remaining wait', async () => {
    const { service, publisher, repository } = setup(claimedOutcome(claimed));
    await service.handle(message(NOW + 650));
    expect(publisher.wait).toHaveBeenCalledWith(message(NOW + 650), 400);
    expect(repository.claim).not.toHaveBeenCalled();
  });

  it('claims a due message, is done with it once claimed, then sends and completes it in the background', async () => {
    const { service, repository, sender, outcomes, metrics, settled } = setup(claimedOutcome(claimed));
    let answer!: (result: SendResult) => void;
    sender.send.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    await service.handle(message(NOW + 50));
    expect(repository.claim).toHaveBeenCalledWith(ATTEMPT_ID);
    expect(sender.send).toHaveBeenCalledTimes(1);
    expect(outcomes.complete).not.toHaveBeenCalled();
    answer(ok);
    await settled();
    expect(outcomes.complete).toHaveBeenCalledWith(claimed, ok, true);
    expect(await metricValue(metrics.deliveryAttempts, { outcome: 'success', status_class: '2xx' })).toBe(1);
  });

  it('holds one slot per delivery in flight: a claim waits for a free slot', async () => {
    const { service, repository, sender, slots } = setup(claimedOutcome(claimed), null, 1);
    const answers: ((result: SendResult) => void)[] = [];
    sender.send.mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
    await service.handle(message(NOW));
    const second = service.handle(message(NOW));
    await new Promise((resolve) => setImmediate(resolve));
    expect(repository.claim).toHaveBeenCalledTimes(1);
    answers[0](ok);
    await second;
    expect(repository.claim).toHaveBeenCalledTimes(2);
    answers[1](ok);
    await slots.whenIdle();
  });

  it('gives a waiting claim back to its queue when the dispatcher stops', async () => {
    const { service, sender, slots } = setup(claimedOutcome(claimed), null, 1);
    let answer!: (result: SendResult) => void;
    sender.send.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    await service.handle(message(NOW));
    const waiting = service.handle(message(NOW));
    slots.refuse();
    await expect(waiting).rejects.toBeInstanceOf(DispatcherStoppingError);
    answer(ok);
    await slots.drain(5_000);
  });

  it('counts a delivery in flight from its send until its outcome is recorded, and no longer once that fails', async () => {
    const { service, outcomes, metrics, settled, errors } = setup(claimedOutcome(claimed));
    let inFlightWhileRecording = -1;
    outcomes.complete.mockImplementation(async () => {
      inFlightWhileRecording = await metricValue(metrics.deliveriesInFlight);
      throw new Error('constraint violated');
    });
    await service.handle(message(NOW));
    await settled();
    expect(errors).toEqual([new Error('constraint violated')]);
    expect(inFlightWhileRecording).toBe(1);
    expect(await metricValue(metrics.deliveriesInFlight)).toBe(0);
  });

  it('retries recording an outcome while the database is unavailable, without sending again', async () => {
    const { service, outcomes, sender, settled, errors } = setup(claimedOutcome(claimed));
    outcomes.complete.mockRejectedValueOnce(new Error('database gone')).mockResolvedValueOnce({ parkedWaiting: false, handedOver: null });
    await service.handle(message(NOW));
    await settled();
    expect(errors).toEqual([]);
    expect(outcomes.complete).toHaveBeenCalledTimes(2);
    expect(sender.send).toHaveBeenCalledTimes(1);
  });

  it('fails an attempt of a disabled subscription without sending it', async () => {
    const { service, repository, sender, outcomes, settled } = setup(claimedOutcome({ ...claimed, subscriptionEnabled: false }));
    await service.handle(message(NOW));
    await settled();
    expect(repository.cancel).toHaveBeenCalledWith(ATTEMPT_ID);
    expect(sender.send).not.toHaveBeenCalled();
    expect(outcomes.complete).not.toHaveBeenCalled();
  });

  it('records an unsignable header as E_INVALID_HEADER without sending', async () => {
    const { service, sender, outcomes, metrics, settled } = setup(claimedOutcome({ ...claimed, targetHeaders: { 'X-Name': 'caf\u00e9' } }));
    await service.handle(message(NOW));
    await settled();
    expect(sender.send).not.toHaveBeenCalled();
    expect(outcomes.complete).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ errorName: 'E_INVALID_HEADER', status: null }),
      true,
    );
    expect(await metricValue(metrics.deliveryAttempts, { outcome: 'invalid_target', status_class: 'none' })).toBe(1);
  });

  it('leaves a parked attempt to the database and takes no slot for it', async () => {
    const { service, publisher, sender, metrics, slots } = setup({ outcome: 'parked', attemptId: ATTEMPT_ID }, null, 1);
    await service.handle(message(NOW));
    expect(sender.send).not.toHaveBeenCalled();
    expect(publisher.deliver).not.toHaveBeenCalled();
    expect(slots.tryAcquire()).toBe(true);
    expect(await metricValue(metrics.deliveriesThrottled, { reason: 'in_flight' })).toBe(1);
  });

  it('announces a deferred attempt again for its reserved slot', async () => {
    const { service, publisher, sender, metrics } = setup({ outcome: 'deferred', attemptId: ATTEMPT_ID, dueAt: NOW + 900 });
    await service.handle(message(NOW));
    expect(sender.send).not.toHaveBeenCalled();
    expect(publisher.deliver).toHaveBeenCalledWith(ATTEMPT_ID, NOW + 900);
    expect(await metricValue(metrics.deliveriesThrottled, { reason: 'rate' })).toBe(1);
  });

  it('pulls the parked attempts of its subscription once a completion frees room, and sends them', async () => {
    const { service, repository, outcomes, sender, settled } = setup(claimedOutcome(claimed), null, 4);
    const parked = { ...claimed, attemptId: '0190a8f2-0000-7000-8000-00000000000b' };
    outcomes.complete.mockResolvedValueOnce({ parkedWaiting: true, handedOver: null });
    repository.pullParked.mockResolvedValueOnce([claimedOutcome(parked), { outcome: 'deferred', attemptId: 'later', dueAt: NOW + 500 }]);
    await service.handle(message(NOW));
    await settled();
    expect(repository.pullParked).toHaveBeenCalledWith(claimed.subscriptionId, 4);
    expect(sender.send).toHaveBeenCalledTimes(2);
    expect(outcomes.complete).toHaveBeenCalledWith(parked, ok, true);
  });

  it('sends the attempt its completion was handed on the same slot, and pulls nothing', async () => {
    const { service, repository, outcomes, sender, settled } = setup(claimedOutcome(claimed), null, 1);
    const next = { ...claimed, attemptId: '0190a8f2-0000-7000-8000-00000000000b' };
    outcomes.complete.mockResolvedValueOnce({ parkedWaiting: true, handedOver: next });
    await service.handle(message(NOW));
    await settled();
    expect(sender.send).toHaveBeenCalledTimes(2);
    expect(outcomes.complete).toHaveBeenNthCalledWith(2, next, ok, true);
    expect(repository.pullParked).not.toHaveBeenCalled();
  });

  it('asks for no hand-over once the dispatcher is stopping', async () => {
    const { service, outcomes, sender, slots, settled } = setup(claimedOutcome(claimed));
    let respond!: (result: SendResult) => void;
    sender.send.mockImplementationOnce(() => new Promise<SendResult>((resolve) => (respond = resolve)));
    await service.handle(message(NOW));
    slots.refuse();
    respond(ok);
    await settled();
    expect(outcomes.complete).toHaveBeenCalledWith(claimed, ok, false);
  });

  it('re-publishes a message for an attempt another dispatcher holds, due when that lease expires', async () => {
    const leaseExpiresAt = new Date(NOW + 7_000);
    const { service, publisher, outcomes } = setup(unavailable, { succeededAt: null, failedAt: null, leaseExpiresAt, delayUntil: null });
    await service.handle(message(NOW));
    expect(publisher.deliver).toHaveBeenCalledWith(ATTEMPT_ID, leaseExpiresAt.getTime());
    expect(outcomes.recover).not.toHaveBeenCalled();
  });

  it('never re-publishes a pending attempt sooner than the smallest wait', async () => {
    const { service, publisher } = setup(unavailable, { succeededAt: null, failedAt: null, leaseExpiresAt: null, delayUntil: null });
    await service.handle(message(NOW));
    expect(publisher.deliver).toHaveBeenCalledWith(ATTEMPT_ID, NOW + 51);
  });

  it('hands a finished attempt to recovery, and drops a message for an attempt that no longer exists', async () => {
    const finished = { succeededAt: null, failedAt: new Date(NOW - 1000), leaseExpiresAt: null, delayUntil: null };
    const first = setup(unavailable, finished);
    await first.service.handle(message(NOW));
    expect(first.outcomes.recover).toHaveBeenCalledWith(finished);

    const gone = setup(unavailable, null);
    await gone.service.handle(message(NOW));
    expect(gone.publisher.deliver).not.toHaveBeenCalled();
    expect(gone.outcomes.recover).not.toHaveBeenCalled();
  });
  describe('startNow (a first attempt from the fan-out)', () => {
    it('claims and sends it on a free slot, and says nothing needs announcing', async () => {
      const { service, repository, sender, outcomes, publisher, settled } = setup(claimedOutcome(claimed));

      expect(await service.startNow(ATTEMPT_ID)).toBe(true);
      await settled();

      expect(repository.claim).toHaveBeenCalledWith(ATTEMPT_ID);
      expect(sender.send).toHaveBeenCalledTimes(1);
      expect(outcomes.complete).toHaveBeenCalledWith(claimed, ok, true);
      expect(publisher.deliver).not.toHaveBeenCalled();
    });

    it('leaves it to a deliver message, claiming nothing, when every slot is taken', async () => {
      const { service, repository, slots } = setup(claimedOutcome(claimed), null, 1);
      expect(slots.tryAcquire()).toBe(true);

      expect(await service.startNow(ATTEMPT_ID)).toBe(false);

      expect(repository.claim).not.toHaveBeenCalled();
      slots.release();
    });

    it('frees the slot of an attempt its subscription parks, and announces one deferred to its rate slot', async () => {
      const parked = setup({ outcome: 'parked', attemptId: ATTEMPT_ID }, null, 1);
      expect(await parked.service.startNow(ATTEMPT_ID)).toBe(true);
      expect(parked.slots.tryAcquire()).toBe(true);
      expect(parked.publisher.deliver).not.toHaveBeenCalled();

      const deferred = setup({ outcome: 'deferred', attemptId: ATTEMPT_ID, dueAt: NOW + 300 }, null, 1);
      expect(await deferred.service.startNow(ATTEMPT_ID)).toBe(true);
      expect(deferred.slots.tryAcquire()).toBe(true);
      expect(deferred.publisher.deliver).toHaveBeenCalledWith(ATTEMPT_ID, NOW + 300);
    });

    it('frees the slot and fails when the claim fails, so the dispatch message is retried', async () => {
      const { service, repository, slots } = setup(claimedOutcome(claimed), null, 1);
      repository.claim.mockRejectedValueOnce(new Error('database gone'));

      await expect(service.startNow(ATTEMPT_ID)).rejects.toThrow('database gone');
      expect(slots.tryAcquire()).toBe(true);
    });
  });

  it('reports each outcome to subscription health, a 410 as gone', async () => {
    const { service, sender, health, settled } = setup(claimedOutcome(claimed));
    sender.send.mockResolvedValueOnce({ status: 410, headers: {}, body: '', errorName: 'E_HTTP', elapsedMs: 3 });
    await service.handle(message(NOW));
    await settled();
    expect(health.report).toHaveBeenCalledWith({
      subscriptionId: claimed.subscriptionId,
      at: new Date(NOW),
      succeeded: false,
      gone: true,
      probe: false,
    });
  });

  it('holds, without sending, an attempt of a subscription disabled by health; a probe sends it all the same', async () => {
    const probeAt = new Date(NOW + 3_600_000);
    const { service, sender, health, outcomes, metrics, settled } = setup(
      claimedOutcome(claimed),
      null,
      4,
      new Map([[claimed.subscriptionId, probeAt]]),
    );
    await service.handle(message(NOW));
    await settled();
    expect(health.hold).toHaveBeenCalledWith(ATTEMPT_ID, probeAt);
    expect(sender.send).not.toHaveBeenCalled();
    expect(outcomes.complete).not.toHaveBeenCalled();
    expect(await metricValue(metrics.health.deliveriesHeld)).toBe(1);

    await service.probe(ATTEMPT_ID);
    await settled();
    expect(sender.send).toHaveBeenCalledTimes(1);
    expect(health.report).toHaveBeenCalledWith(expect.objectContaining({ succeeded: true, probe: true }));
  });
});
