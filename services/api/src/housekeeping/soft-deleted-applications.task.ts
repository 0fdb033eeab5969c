import type { SoftDeletedApplicationsCleanupConfig } from '@hook0/config';
import type { SoftDeletedApplicationRepository } from '@hook0/db';
import type { HousekeepingTask, PassOutcome } from './housekeeping-task';

export interface SoftDeletedApplicationsTaskDeps {
  readonly applications: SoftDeletedApplicationRepository;
  readonly config: SoftDeletedApplicationsCleanupConfig;
  readonly batchSize: number;
  readonly now: () => Date;
}

/** Applications looked at per query; each is then purged in batches of its own. */
const APPLICATIONS_PER_ROUND = 100;

/**
 * Applications soft-deleted more than SOFT_DELETED_APPLICATIONS_CLEANUP_GRACE_PERIOD ago are removed with their
 * events, attempts, responses, subscriptions, event types and secrets. Hook0 has no report-only mode for this task:
 * ENABLE_SOFT_DELETED_APPLICATIONS_CLEANUP turns it on.
 */
export function softDeletedApplicationsTask(deps: SoftDeletedApplicationsTaskDeps): HousekeepingTask {
  return {
    name: 'soft_deleted_applications',
    lockKey: 2,
    periodMs: deps.config.periodMs,
    async runPass(): Promise<PassOutcome> {
      const cutoff = new Date(deps.now().getTime() - deps.config.gracePeriodMs);
      const reported = await deps.applications.countDeletedBefore(cutoff);
      const totals = { deleted: 0, eventsDeleted: 0, attemptsDeleted: 0, responsesDeleted: 0 };
      for (;;) {
        const ids = await deps.applications.findDeletedBefore(cutoff, APPLICATIONS_PER_ROUND);
        for (const applicationId of ids) {
          const purged = await deps.applications.purge(applicationId, cutoff, deps.batchSize);
          totals.deleted += purged.deleted ? 1 : 0;
          totals.eventsDeleted += purged.events;
          totals.attemptsDeleted += purged.attempts;
          totals.responsesDeleted += purged.responses;
        }
        if (ids.length < APPLICATIONS_PER_ROUND) break;
      }
      const { deleted, ...details } = totals;
      return { reported, deleted, details };
    },
  };
}
