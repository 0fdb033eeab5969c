import type { OldEventsCleanupConfig } from '@hook0/config';
import type { OldEventsRepository } from '@hook0/db';
import type { QuotaService } from '../modules/quotas/quota.service';
import { modeOf, type HousekeepingTask, type PassOutcome } from './housekeeping-task';

export interface OldEventsTaskDeps {
  readonly events: OldEventsRepository;
  readonly quotas: QuotaService;
  readonly config: OldEventsCleanupConfig;
  readonly batchSize: number;
  readonly now: () => Date;
}

/**
 * Events received more than their application's retention (its override, else the quota default) plus
 * OLD_EVENTS_CLEANUP_GRACE_PERIOD_IN_DAY days ago are reported, and deleted with their attempts and responses
 * when OLD_EVENTS_CLEANUP_REPORT_AND_DELETE is set. An event still owed a delivery is held until it is settled.
 */
export function oldEventsTask(deps: OldEventsTaskDeps): HousekeepingTask {
  return {
    name: 'old_events',
    lockKey: 1,
    periodMs: deps.config.periodMs,
    async runPass(): Promise<PassOutcome> {
      const rule = {
        now: deps.now(),
        defaultRetentionDays: deps.quotas.defaultRetentionDays,
        gracePeriodDays: deps.config.gracePeriodDays,
      };
      const { expired, held } = await deps.events.report(rule);
      const mode = modeOf(deps.config.reportAndDelete);
      if (!deps.config.reportAndDelete) return { reported: expired, deleted: 0, details: { mode, held } };
      const purged = await deps.events.purge(rule, deps.batchSize);
      return {
        reported: expired,
        deleted: purged.events,
        details: { mode, held, attemptsDeleted: purged.attempts, responsesDeleted: purged.responses },
      };
    },
  };
}
