import type { HousekeepingTaskName } from '@hook0/observability';

/** What one pass found and did: `reported` rows were found expired, `deleted` of them removed. */
export interface PassOutcome {
  readonly reported: number;
  readonly deleted: number;
  /** Further counts for the log line (never ids of tenants, never payloads or token values). */
  readonly details: Readonly<Record<string, number | string>>;
}

export interface HousekeepingTask {
  readonly name: HousekeepingTaskName;
  /** Fixed per task: the advisory lock that lets one replica at a time run it. */
  readonly lockKey: number;
  readonly periodMs: number;
  runPass(): Promise<PassOutcome>;
}

/** Runs `work` unless another replica holds `key` (an advisory lock in the database). */
export type ExclusiveRunner = <T>(key: number, work: () => Promise<T>) => Promise<{ ran: true; result: T } | { ran: false }>;

/** Rows per delete statement: short statements, short locks. */
export const HOUSEKEEPING_BATCH_SIZE = 1000;

export function modeOf(reportAndDelete: boolean): string {
  return reportAndDelete ? 'report_and_delete' : 'report';
}
