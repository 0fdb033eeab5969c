import { subscriptionMatches } from '@hook0/core';
import type { DispatchRepository, EventKey } from '@hook0/db';
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
  /**
   * Starts a new attempt on this dispatcher when it has a free slot (DeliveryService.startNow); false leaves it to a
   * deliver message. Absent, every attempt is announced.
   */
  readonly startNow?: (attemptId: string) => Promise<boolean>;
}

/**
 * One event → one first attempt per matching subscription, each started here on a free slot, announced to the
 * deliver queue, or parked by the insert behind its subscription's backlog. Idempotent: the dispatch message is acked
 * once every attempt is claimed, announced or parked.
 */
export class FanOutService {
  constructor(private readonly deps: FanOutDeps) {}

  async dispatch(message: DispatchEventMessage): Promise<void> {
    const eventId = message.eventId.toLowerCase();
    if (message.applicationId !== undefined) {
      await this.fanOut({ applicationId: message.applicationId.toLowerCase(), eventId }, message.dispatchRound);
      return;
    }
    // Published before event ids were scoped per application, when the id alone named the event. Any event that took
    // the id since is fanned out too, to its own application's subscriptions: a redundant fan-out is harmless.
    const applications = await this.deps.repository.applicationsOf(eventId, message.dispatchRound);
    if (applications.length === 0) this.deps.logger.info('dispatch.skipped', { reason: 'event_not_found' });
    for (const applicationId of applications) await this.fanOut({ applicationId, eventId }, message.dispatchRound);
  }

  private async fanOut(key: EventKey, dispatchRound: number): Promise<void> {
    const { repository, publisher, metrics, logger } = this.deps;
    const input = await repository.load(key);
    if (input === null || input.event.applicationDeleted) {
      logger.info('dispatch.skipped', { reason: input === null ? 'event_not_found' : 'application_deleted' });
      return;
    }
    const { event, candidates } = input;
    const matching = candidates.filter((subscription) => subscriptionMatches(subscription, event));
    const { created, pending, parked } = await repository.createFirstAttempts(
      event,
      dispatchRound,
      matching.map((subscription) => ({ attemptId: uuidv7(), subscriptionId: subscription.subscriptionId })),
    );
    const dueAt = this.deps.now();
    const { startNow } = this.deps;
    await Promise.all(
      pending.map(async (attemptId) => {
        if (startNow === undefined || !(await startNow(attemptId))) await publisher.deliver(attemptId, dueAt);
      }),
    );
    metrics.attemptsCreated.inc(created);
    if (parked > 0) metrics.deliveriesThrottled.inc({ reason: 'in_flight' }, parked);
    metrics.eventsDispatched.inc();
    if (logger.isDebugEnabled())
      logger.debug('dispatch.fanned_out', { candidates: candidates.length, matched: matching.length, created, parked });
  }
}
