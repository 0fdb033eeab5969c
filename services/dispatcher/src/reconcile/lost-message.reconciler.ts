import type { EventKey, StaleAttempt, StaleAttemptRepository, StaleDispatchRepository } from '@hook0/db';
import { errorFields, type DispatcherMetrics, type Logger } from '@hook0/observability';
import type { WorkPublisher } from '../dispatch/work-publisher';

export interface DispatchPublisher {
  dispatch(event: EventKey, dispatchRound: number): Promise<void>;
}

export interface ReconcilerOptions {
  /** How often lost messages are looked for, and how long past due an attempt or event must be to count as lost. */
  readonly intervalMs: number;
  readonly staleAfterMs: number;
  /** How often expired leases and stranded parked attempts are looked for; the grace given to each. */
  readonly leaseIntervalMs: number;
  readonly leaseGraceMs: number;
  /** A subscription's max_in_flight when it sets none. */
  readonly defaultMaxInFlight: number;
  readonly batchSize: number;
}

type Pass = () => Promise<number>;

/**
 * The safety net under RabbitMQ and under the dispatchers themselves. Every `intervalMs`, it re-publishes the
 * dispatch message of events never fanned out, and the deliver message of pending attempts nobody holds once they
 * are `staleAfterMs` overdue. Every `leaseIntervalMs`, it announces again the attempts whose dispatcher died
 * holding them (an expired lease) and parked attempts left with room but nothing to pull them. Redundant messages
 * are harmless: fan-out is idempotent and a delivery is claimed before it is sent.
 */
export class LostMessageReconciler {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<Pass, Promise<number>>();

  constructor(
    private readonly attempts: StaleAttemptRepository,
    private readonly dispatches: StaleDispatchRepository,
    private readonly publisher: WorkPublisher & DispatchPublisher,
    private readonly metrics: DispatcherMetrics,
    private readonly logger: Logger,
    private readonly options: ReconcilerOptions,
  ) {}

  start(): void {
    this.schedule(this.runOnce, this.options.intervalMs);
    this.schedule(this.recoverLeases, this.options.leaseIntervalMs);
  }

  async stop(): Promise<void> {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    await Promise.all(this.running.values());
  }

  /** One pass over lost messages; returns how many it re-published. */
  readonly runOnce: Pass = async () => {
    const { staleAfterMs, batchSize } = this.options;
    let total = 0;
    for (;;) {
      const events = await this.dispatches.claimUndispatched(staleAfterMs, batchSize);
      await Promise.all(events.map((event) => this.publisher.dispatch(event, event.dispatchRound)));
      total += events.length;
      if (events.length < batchSize) break;
    }
    total += await this.announceAll('lost_message', () => this.attempts.claimStale(staleAfterMs, batchSize));
    if (total > 0) this.logger.warn('reconciler.republished', { messages: total });
    return total;
  };

  /** One pass over expired leases and stranded parked attempts; returns how many it announced. */
  readonly recoverLeases: Pass = async () => {
    const { leaseGraceMs, defaultMaxInFlight, batchSize } = this.options;
    const expired = await this.announceAll('expired_lease', () => this.attempts.claimExpiredLeases(leaseGraceMs, batchSize));
    const parked = await this.announceAll('parked', () => this.attempts.claimStrandedParked(leaseGraceMs, defaultMaxInFlight, batchSize));
    if (expired + parked > 0) this.logger.warn('reconciler.recovered', { expiredLeases: expired, parked });
    return expired + parked;
  };

  private async announceAll(reason: 'lost_message' | 'expired_lease' | 'parked', claim: () => Promise<StaleAttempt[]>): Promise<number> {
    let total = 0;
    for (;;) {
      const found = await claim();
      await Promise.all(found.map((attempt) => this.publisher.deliver(attempt.attemptId, attempt.dueAt.getTime())));
      this.metrics.attemptsRecovered.inc({ reason }, found.length);
      total += found.length;
      if (found.length < this.options.batchSize) return total;
    }
  }

  private schedule(pass: Pass, intervalMs: number): void {
    const timer = setInterval(() => void this.tick(pass), intervalMs);
    timer.unref();
    this.timers.push(timer);
  }

  private async tick(pass: Pass): Promise<void> {
    if (this.running.has(pass)) return;
    const run = pass().catch((error: unknown) => {
      this.logger.warn('reconciler.failed', errorFields(error));
      return 0;
    });
    this.running.set(pass, run);
    await run;
    this.running.delete(pass);
  }
}
