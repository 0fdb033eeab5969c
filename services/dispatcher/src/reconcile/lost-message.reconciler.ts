import type { EventKey, StaleAttemptRepository, StaleDispatchRepository } from '@hook0/db';
import { errorFields, type Logger } from '@hook0/observability';
import type { WorkPublisher } from '../dispatch/work-publisher';

export interface DispatchPublisher {
  dispatch(event: EventKey, dispatchRound: number): Promise<void>;
}

export interface ReconcilerOptions {
  readonly intervalMs: number;
  readonly staleAfterMs: number;
  readonly batchSize: number;
}

/**
 * The safety net under RabbitMQ: every interval, re-publishes the dispatch message of events never fanned out,
 * and the deliver message of pending attempts nobody holds, once they are `staleAfterMs` overdue. Redundant
 * messages are harmless: fan-out is idempotent and a delivery is claimed before it is sent.
 */
export class LostMessageReconciler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly attempts: StaleAttemptRepository,
    private readonly dispatches: StaleDispatchRepository,
    private readonly publisher: WorkPublisher & DispatchPublisher,
    private readonly logger: Logger,
    private readonly options: ReconcilerOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass; returns how many messages it re-published. */
  async runOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const events = await this.dispatches.claimUndispatched(this.options.staleAfterMs, this.options.batchSize);
      await Promise.all(events.map((event) => this.publisher.dispatch(event, event.dispatchRound)));
      total += events.length;
      if (events.length < this.options.batchSize) break;
    }
    for (;;) {
      const stale = await this.attempts.claimStale(this.options.staleAfterMs, this.options.batchSize);
      await Promise.all(stale.map((attempt) => this.publisher.deliver(attempt.attemptId, attempt.dueAt.getTime())));
      total += stale.length;
      if (stale.length < this.options.batchSize) break;
    }
    if (total > 0) this.logger.warn('reconciler.republished', { messages: total });
    return total;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce().catch((error: unknown) => {
      this.logger.warn('reconciler.failed', errorFields(error));
      return 0;
    });
    await this.running;
    this.running = null;
  }
}
