import { subscriptionMatches } from '@hook0/core';
import type { DispatchRepository } from '@hook0/db';
import type { DispatchEventMessage } from '@hook0/messaging';
import type { DispatcherMetrics, Logger } from '@hook0/observability';
import { v7 as uuidv7 } from 'uuid';
import type { WorkPublisher } from './work-publisher';

export interface FanOutDeps {
  readonly repository: DispatchRepository;
  readonly publisher: WorkPublisher;
  readonly metrics: DispatcherMetrics;
  readonly logger: Logger;
  readonly now: () => number;
}

/** One event → one first attempt per matching subscription, each announced to the deliver queue. Idempotent. */
export class FanOutService {
  constructor(private readonly deps: FanOutDeps) {}

  async dispatch(message: DispatchEventMessage): Promise<void> {
    const { repository, publisher, metrics, logger } = this.deps;
    const input = await repository.load(message.eventId);
    if (input === null || input.event.applicationDeleted) {
      logger.info('dispatch.skipped', { reason: input === null ? 'event_not_found' : 'application_deleted' });
      return;
    }
    const { event, candidates } = input;
    const matching = candidates.filter((subscription) => subscriptionMatches(subscription, event));
    const { created, pending } = await repository.createFirstAttempts(
      event,
      message.dispatchRound,
      matching.map((subscription) => ({ attemptId: uuidv7(), subscriptionId: subscription.subscriptionId })),
    );
    const dueAt = this.deps.now();
    await Promise.all(pending.map((attemptId) => publisher.deliver(attemptId, dueAt)));
    metrics.attemptsCreated.inc(created);
    metrics.eventsDispatched.inc();
    logger.info('dispatch.fanned_out', { candidates: candidates.length, matched: matching.length, created, published: pending.length });
  }
}
