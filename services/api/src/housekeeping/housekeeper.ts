import { errorFields, type ApiMetrics, type HousekeepingTaskName, type Logger } from '@hook0/observability';
import type { ExclusiveRunner, HousekeepingTask, PassOutcome } from './housekeeping-task';

export interface HousekeeperOptions {
  /** Delay before each task's first pass, so a starting replica serves traffic first (Hook0 waits 20–35 s). */
  readonly firstPassDelayMs: number;
}

export type PassResult = { readonly ran: true; readonly outcome: PassOutcome } | { readonly ran: false };

/**
 * Runs each housekeeping task every period, one replica at a time: a pass takes the task's advisory lock and a
 * replica that finds it held skips that round. A failed pass is logged and tried again at the next period.
 */
export class Housekeeper {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = true;

  constructor(
    private readonly tasks: readonly HousekeepingTask[],
    private readonly exclusive: ExclusiveRunner,
    private readonly logger: Logger,
    private readonly metrics: ApiMetrics,
    private readonly options: HousekeeperOptions,
  ) {}

  start(): void {
    this.stopped = false;
    for (const task of this.tasks) this.schedule(task, Math.min(this.options.firstPassDelayMs, task.periodMs));
  }

  /** Stops the timers and waits for the passes under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  /** One pass of the task, if no other replica is running it; throws what the pass threw. */
  async runPass(name: HousekeepingTaskName): Promise<PassResult> {
    const task = this.tasks.find((candidate) => candidate.name === name);
    if (!task) throw new Error(`housekeeping task ${name} is not enabled`);
    const result = await this.exclusive(task.lockKey, () => task.runPass());
    if (!result.ran) {
      this.logger.debug('housekeeping.skipped', { task: task.name, reason: 'another replica holds the lock' });
      return result;
    }
    const outcome = result.result;
    this.metrics.housekeepingRows.inc({ task: task.name, action: 'reported' }, outcome.reported);
    this.metrics.housekeepingRows.inc({ task: task.name, action: 'deleted' }, outcome.deleted);
    this.metrics.housekeepingLastSuccess.set({ task: task.name }, Date.now() / 1000);
    this.logger.info(`housekeeping.${task.name}`, { reported: outcome.reported, deleted: outcome.deleted, ...outcome.details });
    return { ran: true, outcome };
  }

  private schedule(task: HousekeepingTask, delayMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => void this.tick(task), delayMs);
    timer.unref();
    this.timers.set(task.name, timer);
  }

  private async tick(task: HousekeepingTask): Promise<void> {
    const pass = this.runPass(task.name).catch((error: unknown) =>
      this.logger.error('housekeeping.failed', { task: task.name, ...errorFields(error) }),
    );
    this.running.add(pass);
    await pass;
    this.running.delete(pass);
    this.schedule(task, task.periodMs);
  }
}
