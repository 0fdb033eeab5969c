import { nextHop, outcomeLabel, statusClass, UnsignableHeaderError } from '@hook0/core';
import type { ClaimedAttempt, ClaimOutcome, DeliveryRepository } from '@hook0/db';
import type { DeliverAttemptMessage } from '@hook0/messaging';
import type { DispatcherMetrics, Logger } from '@hook0/observability';
import type { HttpSender, SendResult } from '../delivery/http-sender';
import type { DeliveryOutcome } from '../health/health-report-buffer';
import { buildOutgoingRequest, type SigningOptions } from '../delivery/outgoing-request';
import type { AttemptOutcomeService, CompletionFollowUp } from './attempt-outcome.service';
import { DispatcherStoppingError, type DeliverySlots } from './delivery-slots';
import type { WorkPublisher } from './work-publisher';

/** A message due within this much is sent now rather than parked again. */
export const DUE_TOLERANCE_MS = 50;
/** The lease outlives the total request timeout by this much. */
export const LEASE_MARGIN_MS = 5_000;
const MAX_BACKOFF_MS = 5_000;

/** Extra slots a completion may take, beyond its own, to pull parked attempts when a subscription's room grew. */
export const MAX_EXTRA_PULLED = 3;

/** Subscription health as the delivery path sees it (docs/guarantees.md "Subscription health"). */
export interface DeliveryHealth {
  /** The next probe of a subscription disabled by health; undefined while it is not disabled. */
  disabledUntil(subscriptionId: string): Date | null | undefined;
  /** Gives up a claimed attempt's lease and keeps it waiting for the subscription's recovery. */
  hold(attemptId: string, until: Date | null): Promise<unknown>;
  report(outcome: DeliveryOutcome): void;
}

export interface DeliveryDeps {
  readonly repository: DeliveryRepository;
  readonly outcomes: AttemptOutcomeService;
  readonly publisher: WorkPublisher;
  readonly sender: HttpSender;
  readonly health: DeliveryHealth;
  readonly slots: DeliverySlots;
  readonly metrics: DispatcherMetrics;
  readonly logger: Logger;
  readonly waitTiersMs: readonly number[];
  readonly signing: SigningOptions;
  /** The previous secret of a subscription during a rotation's overlap (docs/security.md "Secret rotation"); absent, none. */
  readonly previousSecrets?: { of(subscriptionId: string, currentSecret: string): Promise<string | null> };
  /** Errors worth retrying in place (the database is down): a recorded outcome is not given up for them. */
  readonly isTransient: (error: unknown) => boolean;
  readonly now: () => number;
}

/**
 * One deliver message: wait until due, claim the attempt, and send it in the background on one of this dispatcher's
 * slots; the message is done once the claim is committed. A claim refused for the subscription's sake (its deliveries
 * in flight or its rate, docs/guarantees.md "Fair delivery") costs no slot: the attempt is parked in the database and
 * pulled by the completion that frees room, or announced again for its reserved slot.
 */
export class DeliveryService {
  constructor(private readonly deps: DeliveryDeps) {}

  async handle(message: DeliverAttemptMessage): Promise<void> {
    const { publisher, slots, now } = this.deps;
    const tierMs = nextHop(this.deps.waitTiersMs, message.dueAt - now(), DUE_TOLERANCE_MS);
    if (tierMs !== null) {
      await publisher.wait(message, tierMs);
      return;
    }
    await slots.acquire();
    await this.claimOnHeldSlot(message.attemptId, false);
  }

  /**
   * A first attempt the fan-out just created, started here when a slot is free, instead of a deliver message and a
   * second trip through the broker. Resolves false, having changed nothing, when no slot is free: the caller announces
   * it then. Otherwise the attempt is claimed like a deliver message's (the same claim, so the subscription's room and
   * rate still decide) and true means nothing needs announcing: it was sent, parked, or announced for its rate slot.
   * A dispatcher that dies holding the claim leaves it to lease recovery, as after a deliver message.
   */
  async startNow(attemptId: string): Promise<boolean> {
    if (!this.deps.slots.tryAcquire()) return false;
    await this.claimOnHeldSlot(attemptId, false);
    return true;
  }

  /**
   * A probe of a subscription disabled by health: the held attempt the monitor made due is claimed like any other
   * (the subscription's room and rate still decide) and sent whatever the subscription's health.
   */
  async probe(attemptId: string): Promise<void> {
    await this.deps.slots.acquire();
    await this.claimOnHeldSlot(attemptId, true);
  }

  /** With a slot already taken: claims the attempt and sends it on that slot, or gives the slot back. */
  private async claimOnHeldSlot(attemptId: string, probe: boolean): Promise<void> {
    const { repository, slots } = this.deps;
    let claim: ClaimOutcome;
    try {
      claim = await repository.claim(attemptId);
    } catch (error) {
      slots.release();
      throw error;
    }
    if (claim.outcome === 'claimed') {
      slots.run(() => this.deliver(claim.attempt, probe));
      return;
    }
    slots.release();
    await this.notClaimed(claim);
  }

  /**
   * Sends a held attempt and records its outcome, then sends on the same slot the parked attempt its completion was
   * handed, and so on; a completion handed none pulls what its subscription parked meanwhile.
   */
  private async deliver(attempt: ClaimedAttempt, probe = false): Promise<void> {
    let next: ClaimedAttempt | null = attempt;
    for (let first = true; next !== null; first = false) next = await this.deliverOne(next, first && probe);
  }

  /** Sends one held attempt and records its outcome; resolves the attempt handed over by its completion, if any. */
  private async deliverOne(attempt: ClaimedAttempt, probe: boolean): Promise<ClaimedAttempt | null> {
    if (!attempt.subscriptionEnabled || attempt.subscriptionDeletedAt !== null || attempt.applicationDeletedAt !== null) {
      await this.deps.repository.cancel(attempt.attemptId);
      this.deps.logger.info('delivery.cancelled', { subscriptionId: attempt.subscriptionId, reason: 'subscription_inactive' });
      return null;
    }
    const heldUntil = probe ? undefined : this.deps.health.disabledUntil(attempt.subscriptionId);
    if (heldUntil !== undefined) {
      await this.deps.health.hold(attempt.attemptId, heldUntil);
      this.deps.metrics.health.deliveriesHeld.inc();
      return null;
    }
    const inFlight = this.deps.metrics.deliveriesInFlight;
    inFlight.inc();
    let followUp: CompletionFollowUp;
    try {
      const result = await this.send(attempt);
      this.record(attempt, result);
      this.deps.health.report({
        subscriptionId: attempt.subscriptionId,
        at: new Date(this.deps.now()),
        succeeded: result.errorName === null,
        gone: result.status === 410,
        probe,
      });
      const handOver = !this.deps.slots.refusing;
      followUp = await this.retryingInPlace(() => this.deps.outcomes.complete(attempt, result, handOver));
    } finally {
      inFlight.dec();
    }
    if (followUp.handedOver === null && followUp.parkedWaiting) this.deps.slots.track(this.pullParked(attempt.subscriptionId));
    return followUp.handedOver;
  }

  /**
   * Claims the oldest parked attempts of a subscription, one for the room just freed and a few more when free slots
   * allow (its max_in_flight may have grown), and sends them.
   */
  private async pullParked(subscriptionId: string): Promise<void> {
    const { slots, repository } = this.deps;
    try {
      await slots.acquire();
    } catch (error) {
      if (error instanceof DispatcherStoppingError) return;
      throw error;
    }
    let held = 1;
    while (held < 1 + MAX_EXTRA_PULLED && slots.tryAcquire()) held += 1;
    try {
      for (const pulled of await repository.pullParked(subscriptionId, held)) {
        if (pulled.outcome === 'claimed') {
          held -= 1;
          slots.run(() => this.deliver(pulled.attempt));
        } else if (pulled.outcome === 'deferred') {
          await this.notClaimed(pulled);
        }
      }
    } finally {
      for (; held > 0; held -= 1) slots.release();
    }
  }

  private async notClaimed(claim: Exclude<ClaimOutcome, { outcome: 'claimed' }>): Promise<void> {
    const { metrics, publisher } = this.deps;
    switch (claim.outcome) {
      case 'parked':
        metrics.deliveriesThrottled.inc({ reason: 'in_flight' });
        return;
      case 'deferred':
        metrics.deliveriesThrottled.inc({ reason: 'rate' });
        await publisher.deliver(claim.attemptId, claim.dueAt);
        return;
      case 'unavailable':
        await this.unavailable(claim.attemptId);
    }
  }

  /** Held by another dispatcher or not due: come back when it may be. Finished: repeat what should have followed. */
  private async unavailable(attemptId: string): Promise<void> {
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

  /** An outcome that was sent is worth keeping through a database outage: its lease outlasts a short one. */
  private async retryingInPlace<T>(work: () => Promise<T>): Promise<T> {
    for (let backoffMs = 250; ; backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS)) {
      try {
        return await work();
      } catch (error) {
        if (!this.deps.isTransient(error)) throw error;
        this.deps.logger.warn('delivery.completion_retrying', { backoffMs });
        await new Promise((resolve) => setTimeout(resolve, backoffMs));
      }
    }
  }

  private async send(attempt: ClaimedAttempt): Promise<SendResult> {
    const started = this.deps.now();
    const previousSecret = (await this.deps.previousSecrets?.of(attempt.subscriptionId, attempt.secret)) ?? null;
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
          previousSecret,
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
    // A success is logged at debug: at info, one JSON line per delivery costs a measurable share of the CPU (docs/benchmarks.md).
    const level = result.errorName === null ? 'debug' : 'info';
    if (!this.deps.logger.isLevelEnabled(level)) return;
    this.deps.logger.log(level, 'delivery.attempted', {
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
