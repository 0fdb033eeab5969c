import { deadReason, nextRetryDelay, tierFor, tierName, type DeadReason, type DeliveryErrorName, type RetrySettings } from '@hook0/core';
import type { AttemptCompletionRepository, AttemptState, ClaimedAttempt } from '@hook0/db';
import type { DispatcherMetrics, Logger } from '@hook0/observability';
import { v7 as uuidv7 } from 'uuid';
import type { SendResult } from '../delivery/http-sender';
import { retrySettingsFor } from './retry-settings';
import type { WorkPublisher } from './work-publisher';

export interface AttemptOutcomeDeps {
  readonly completion: AttemptCompletionRepository;
  readonly publisher: WorkPublisher;
  readonly metrics: DispatcherMetrics;
  readonly logger: Logger;
  readonly workerName: string;
  /** The wait ladder, ascending: a scheduled retry is counted under the tier of its delay. */
  readonly waitTiersMs: readonly number[];
  readonly retryDefaults: RetrySettings;
  readonly now: () => number;
  readonly random: () => number;
  /** Told of each delivery that gave up (operational webhooks). */
  readonly onExhausted?: (attempt: { attemptId: string; eventId: string; subscriptionId: string; reason: DeadReason }) => void;
}

/** What a completion leaves to do: send the attempt handed over, or pull the parked ones into the room freed. */
export interface CompletionFollowUp {
  readonly parkedWaiting: boolean;
  readonly handedOver: ClaimedAttempt | null;
}

/**
 * Records what happened to an attempt, then announces what follows: the successor's deliver message or a dead letter.
 * Publishing happens after the commit; `recover` repeats it when a redelivered message finds the attempt finished.
 */
export class AttemptOutcomeService {
  constructor(private readonly deps: AttemptOutcomeDeps) {}

  /**
   * Records the outcome. With `handOver`, the place it frees may go to the subscription's oldest parked attempt, leased
   * to this worker and resolved to be sent next; otherwise resolves whether attempts are parked, waiting for the room.
   */
  async complete(attempt: ClaimedAttempt, result: SendResult, handOver: boolean): Promise<CompletionFollowUp> {
    const { completion, publisher, metrics, logger } = this.deps;
    const { errorName } = result;
    const delayMs = errorName === null ? null : this.retryDelay(attempt, errorName, result.status, result.headers?.['retry-after'] ?? null);
    const outcome = await completion.complete({
      attemptId: attempt.attemptId,
      applicationId: attempt.applicationId,
      workerName: this.deps.workerName,
      succeeded: errorName === null,
      response: {
        responseId: uuidv7(),
        errorName,
        httpCode: result.status,
        headers: result.headers,
        body: result.body,
        elapsedMs: result.elapsedMs,
      },
      retry: delayMs === null ? null : { successorId: uuidv7(), delayMs },
      handOver,
    });
    if (!outcome.completed) {
      logger.warn('delivery.lease_lost');
      return { parkedWaiting: false, handedOver: null };
    }
    if (errorName === null) {
      metrics.endToEndLatency.observe((this.deps.now() - attempt.receivedAt.getTime()) / 1000);
    } else if (outcome.successor !== null && delayMs !== null) {
      metrics.retriesScheduled.inc({ tier: tierName(tierFor(this.deps.waitTiersMs, delayMs)) });
      await publisher.deliver(outcome.successor.attemptId, outcome.successor.delayUntil.getTime());
    } else if (delayMs === null && outcome.subscriptionActive) {
      await this.deadLetter(attempt, deadReason(errorName));
    }
    return { parkedWaiting: outcome.parkedWaiting, handedOver: outcome.handedOver };
  }

  /** A message for a finished attempt: re-announce a pending successor, or the dead letter of an exhausted delivery. */
  async recover(state: AttemptState): Promise<void> {
    if (state.failedAt === null || state.responseId === null) return;
    if (state.successorId !== null) {
      if (state.successorPending) {
        this.deps.logger.info('delivery.recovered_successor', { successorId: state.successorId });
        await this.deps.publisher.deliver(state.successorId, state.successorDelayUntil?.getTime() ?? this.deps.now());
      }
      return;
    }
    if (!state.subscriptionActive) return;
    const errorName = (state.responseErrorName ?? 'E_UNKNOWN') as DeliveryErrorName;
    if (this.retryDelay(state, errorName, state.httpCode, state.retryAfter) !== null) return;
    this.deps.logger.info('delivery.recovered_dead_letter');
    await this.deadLetter(state, deadReason(errorName));
  }

  private retryDelay(
    attempt: { retryCount: number; retryScheduleMs: number[] | null; maxRetries: number | null },
    errorName: DeliveryErrorName,
    httpStatus: number | null,
    retryAfterHeader: string | null,
  ): number | null {
    const settings = retrySettingsFor(attempt, this.deps.retryDefaults);
    const failed = { retryCount: attempt.retryCount, errorName, httpStatus, retryAfterHeader };
    return nextRetryDelay(settings, failed, new Date(this.deps.now()), this.deps.random);
  }

  private async deadLetter(attempt: { attemptId: string; eventId: string; subscriptionId: string }, reason: DeadReason): Promise<void> {
    const { attemptId, eventId, subscriptionId } = attempt;
    await this.deps.publisher.dead({ v: 1, type: 'attempt.dead', attemptId, eventId, subscriptionId, reason });
    this.deps.metrics.deadLettered.inc({ reason });
    this.deps.logger.warn('delivery.dead_lettered', { reason });
    this.deps.onExhausted?.({ attemptId, eventId, subscriptionId, reason });
  }
}
