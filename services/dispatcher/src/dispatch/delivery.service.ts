import { nextHop, outcomeLabel, statusClass, UnsignableHeaderError } from '@hook0/core';
import type { ClaimedAttempt, DeliveryRepository } from '@hook0/db';
import type { DeliverAttemptMessage } from '@hook0/messaging';
import type { DispatcherMetrics, Logger } from '@hook0/observability';
import type { HttpSender, SendResult } from '../delivery/http-sender';
import { buildOutgoingRequest, type SigningOptions } from '../delivery/outgoing-request';
import type { AttemptOutcomeService } from './attempt-outcome.service';
import type { WorkPublisher } from './work-publisher';

/** A message due within this much is sent now rather than parked again. */
export const DUE_TOLERANCE_MS = 50;
/** The lease outlives the total request timeout by this much. */
export const LEASE_MARGIN_MS = 5_000;

export interface DeliveryDeps {
  readonly repository: DeliveryRepository;
  readonly outcomes: AttemptOutcomeService;
  readonly publisher: WorkPublisher;
  readonly sender: HttpSender;
  readonly metrics: DispatcherMetrics;
  readonly logger: Logger;
  readonly workerName: string;
  readonly waitTiersMs: readonly number[];
  readonly timeoutMs: number;
  readonly signing: SigningOptions;
  readonly now: () => number;
}

/** One deliver message: wait until due, claim the attempt, send it, record the outcome. */
export class DeliveryService {
  constructor(private readonly deps: DeliveryDeps) {}

  async handle(message: DeliverAttemptMessage): Promise<void> {
    const { repository, publisher, now } = this.deps;
    const tierMs = nextHop(this.deps.waitTiersMs, message.dueAt - now(), DUE_TOLERANCE_MS);
    if (tierMs !== null) {
      await publisher.wait(message, tierMs);
      return;
    }
    const attempt = await repository.claim({
      attemptId: message.attemptId,
      workerName: this.deps.workerName,
      leaseMs: this.deps.timeoutMs + LEASE_MARGIN_MS,
      earlyToleranceMs: DUE_TOLERANCE_MS,
    });
    if (attempt === null) {
      await this.notClaimed(message.attemptId);
      return;
    }
    if (!attempt.subscriptionEnabled || attempt.subscriptionDeletedAt !== null || attempt.applicationDeletedAt !== null) {
      await repository.cancel(attempt.attemptId, this.deps.workerName);
      this.deps.logger.info('delivery.cancelled', { subscriptionId: attempt.subscriptionId, reason: 'subscription_inactive' });
      return;
    }
    const inFlight = this.deps.metrics.deliveriesInFlight;
    inFlight.inc();
    try {
      const result = await this.send(attempt);
      this.record(attempt, result);
      await this.deps.outcomes.complete(attempt, result);
    } finally {
      inFlight.dec();
    }
  }

  /** Held by another dispatcher or not due: come back when it may be. Finished: repeat what should have followed. */
  private async notClaimed(attemptId: string): Promise<void> {
    const state = await this.deps.repository.findState(attemptId);
    if (state === null) return;
    if (state.succeededAt === null && state.failedAt === null) {
      const floor = this.deps.now() + DUE_TOLERANCE_MS + 1;
      const dueAt = Math.max(state.leaseExpiresAt?.getTime() ?? 0, state.delayUntil?.getTime() ?? 0, floor);
      await this.deps.publisher.deliver(attemptId, dueAt);
      return;
    }
    await this.deps.outcomes.recover(state);
  }

  private async send(attempt: ClaimedAttempt): Promise<SendResult> {
    const started = this.deps.now();
    try {
      const request = buildOutgoingRequest(
        {
          applicationId: attempt.applicationId,
          eventId: attempt.eventId,
          eventTypeName: attempt.eventTypeName,
          payload: attempt.payload,
          payloadContentType: attempt.payloadContentType,
          method: attempt.targetMethod,
          url: attempt.targetUrl,
          customHeaders: attempt.targetHeaders,
          secret: attempt.secret,
        },
        this.deps.signing,
        Math.floor(started / 1000),
      );
      return await this.deps.sender.send(request);
    } catch (error) {
      if (!(error instanceof UnsignableHeaderError)) throw error;
      return { status: null, headers: null, body: error.message, errorName: 'E_INVALID_HEADER', elapsedMs: this.deps.now() - started };
    }
  }

  private record(attempt: ClaimedAttempt, result: SendResult): void {
    const outcome = outcomeLabel(result.errorName);
    this.deps.metrics.deliveryAttempts.inc({ outcome, status_class: statusClass(result.status) });
    this.deps.metrics.deliveryDuration.observe({ outcome }, result.elapsedMs / 1000);
    this.deps.logger.info('delivery.attempted', {
      eventId: attempt.eventId,
      subscriptionId: attempt.subscriptionId,
      attemptId: attempt.attemptId,
      retryCount: attempt.retryCount,
      status: result.status ?? undefined,
      errorName: result.errorName ?? undefined,
      ms: result.elapsedMs,
    });
  }
}
