import type { ReplaySchedulerRepository } from '@hook0/db';
import { errorFields, type Logger, type ReplayMetrics } from '@hook0/observability';
import type { WorkPublisher } from '../dispatch/work-publisher';

export interface ReplaySchedulerOptions {
  /** Re-deliveries per second per application (REPLAY_RATE). */
  readonly ratePerSecond: number;
  /** How often a pass runs (REPLAY_INTERVAL). */
  readonly intervalMs: number;
  /** Applications one pass looks at, and the most items one batch takes. */
  readonly maxApplications: number;
  readonly maxBatch: number;
  readonly newId: () => string;
  readonly now: () => number;
}

/**
 * Drives replays by query (docs/api.md "Replays"). Every `intervalMs`, each application with a running replay gets
 * one batch, as large as its rate allows; the state is in PostgreSQL only, so any dispatcher, including one started
 * after a crash, carries on where the last batch committed. The new attempts are announced after the commit; one whose
 * message is lost (a crash in between) is announced by the reconciler like any pending attempt.
 */
export class ReplayScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;

  constructor(
    private readonly repository: ReplaySchedulerRepository,
    private readonly publisher: Pick<WorkPublisher, 'deliver'>,
    private readonly metrics: ReplayMetrics,
    private readonly logger: Logger,
    private readonly options: ReplaySchedulerOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass over every application with a running replay; resolves how many deliveries it scheduled. */
  async runOnce(): Promise<number> {
    const { ratePerSecond, maxBatch, maxApplications, newId } = this.options;
    let total = 0;
    for (const applicationId of await this.repository.applicationsWithRunningReplays(maxApplications)) {
      if (this.stopping) break;
      const stopTimer = this.metrics.batchDuration.startTimer();
      const batch = await this.repository.scheduleBatch(applicationId, { ratePerSecond, maxBatch, newId });
      stopTimer();
      if (!batch.locked) continue;
      const dueAt = this.options.now();
      await Promise.all(batch.scheduled.map((attempt) => this.publisher.deliver(attempt.attemptId, dueAt)));
      this.metrics.deliveriesScheduled.inc(batch.scheduled.length);
      this.metrics.deliveriesSkipped.inc(batch.skipped);
      this.metrics.replaysCompleted.inc(batch.completed);
      total += batch.scheduled.length;
      if (batch.scheduled.length + batch.skipped > 0 && this.logger.isDebugEnabled())
        this.logger.debug('replay.batch_scheduled', {
          scheduled: batch.scheduled.length,
          skipped: batch.skipped,
          completed: batch.completed,
        });
    }
    return total;
  }

  private async tick(): Promise<void> {
    if (this.running !== undefined) return;
    this.running = this.runOnce()
      .then(() => undefined)
      .catch((error: unknown) => {
        this.logger.warn('replay.pass_failed', errorFields(error));
      });
    await this.running;
    this.running = undefined;
  }
}
