import type { HealthPolicy, HealthTransition, SubscriptionHealthRepository } from '@hook0/db';
import { errorFields, type HealthMetrics, type Logger } from '@hook0/observability';
import type { HealthGate } from './health-gate';
import type { DeliveryOutcome, HealthReportBuffer } from './health-report-buffer';
import type { OperationalEvents } from './operational-events';

export interface HealthMonitorDeps {
  readonly repository: SubscriptionHealthRepository;
  readonly gate: HealthGate;
  readonly buffer: HealthReportBuffer;
  readonly policy: HealthPolicy;
  readonly checkIntervalMs: number;
  readonly redrivePerSecond: number;
  /** How long a probe holds its subscription before another dispatcher may probe it again. */
  readonly probeLeaseMs: number;
  /** Claims and sends a held attempt whatever its subscription's health (a probe). */
  readonly probe: (attemptId: string) => Promise<void>;
  /** Announces a released attempt (its deliver message). */
  readonly announce: (attemptId: string) => Promise<void>;
  readonly events: OperationalEvents;
  readonly metrics: HealthMetrics;
  readonly logger: Logger;
}

/** Probes started per pass, and subscriptions whose held attempts are released per pass. */
const PROBES_PER_PASS = 10;
const RELEASED_SUBSCRIPTIONS_PER_PASS = 50;

/**
 * Subscription health (docs/guarantees.md "Subscription health"), every check interval: writes the outcomes
 * reported since the last pass (disabling on a 410 or a long failure streak), refreshes which subscriptions are
 * disabled, probes those whose probe is due with their oldest held delivery, and releases the held deliveries of
 * recovered subscriptions, oldest event first, at SUBSCRIPTION_REDRIVE_RATE. Every step is shared safely between
 * dispatchers: rows are locked, probes leased, releases taken with SKIP LOCKED.
 */
export class HealthMonitor {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly deps: HealthMonitorDeps) {}

  report(outcome: DeliveryOutcome): void {
    this.deps.buffer.add(outcome);
  }

  start(): void {
    this.timer = setInterval(() => void this.pass(), this.deps.checkIntervalMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await this.flush().catch((error: unknown) => this.deps.logger.warn('health.flush_failed', errorFields(error)));
  }

  /** One pass; a pass still running when the next is due is not doubled. */
  pass(): Promise<void> {
    this.running ??= this.runPass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runPass(): Promise<void> {
    try {
      await this.flush();
      const disabled = await this.deps.repository.disabled();
      this.deps.gate.replace(disabled);
      this.deps.metrics.subscriptionsDisabled.set(disabled.size);
      await this.probeDue();
      await this.release();
      await this.deps.events.flush();
    } catch (error) {
      this.deps.logger.warn('health.pass_failed', errorFields(error));
    }
  }

  /** Writes the outcomes reported so far; put back to be written with the next pass if the database refuses them. */
  async flush(): Promise<void> {
    const reports = this.deps.buffer.drain();
    let transitions: HealthTransition[];
    try {
      transitions = await this.deps.repository.record(reports, this.deps.policy);
    } catch (error) {
      this.deps.buffer.restore(reports);
      throw error;
    }
    for (const transition of transitions) this.changed(transition);
  }

  private changed(transition: HealthTransition): void {
    const { subscriptionId, applicationId, organizationId, status, previousStatus, disabledReason } = transition;
    this.deps.gate.apply(transition);
    this.deps.metrics.transitions.inc({ status, reason: disabledReason ?? 'none' });
    this.deps.logger.info('subscription.health_changed', { subscriptionId, status, previousStatus, reason: disabledReason ?? undefined });
    const details = { subscription_id: subscriptionId };
    if (status === 'disabled') {
      this.deps.events.emit({
        type: 'hook0.subscription.disabled',
        organizationId,
        applicationId,
        details: { ...details, reason: disabledReason },
      });
    } else if (previousStatus === 'disabled') {
      this.deps.events.emit({ type: 'hook0.subscription.recovered', organizationId, applicationId, details });
    }
  }

  private async probeDue(): Promise<void> {
    const due = await this.deps.repository.claimDueProbes(PROBES_PER_PASS, this.deps.probeLeaseMs);
    for (const { subscriptionId, attemptId } of due) {
      if (attemptId === null) {
        await this.deps.repository.postponeProbe(subscriptionId);
        continue;
      }
      this.deps.metrics.probes.inc();
      this.deps.logger.info('subscription.probing', { subscriptionId, attemptId });
      await this.deps.probe(attemptId);
    }
  }

  private async release(): Promise<void> {
    const perSubscription = Math.max(1, Math.round((this.deps.redrivePerSecond * this.deps.checkIntervalMs) / 1000));
    const released = await this.deps.repository.release(perSubscription, RELEASED_SUBSCRIPTIONS_PER_PASS);
    for (const attemptId of released) await this.deps.announce(attemptId);
    this.deps.metrics.deliveriesReleased.inc(released.length);
  }
}
