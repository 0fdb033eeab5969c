import type { ExpiredTokensCleanupConfig } from '@hook0/config';
import type { ExpiredTokenCounts, ExpiredTokenRepository } from '@hook0/db';
import { modeOf, type HousekeepingTask, type PassOutcome } from './housekeeping-task';

export interface ExpiredTokensTaskDeps {
  readonly tokens: ExpiredTokenRepository;
  readonly config: ExpiredTokensCleanupConfig;
  readonly batchSize: number;
  readonly now: () => Date;
}

const total = (counts: ExpiredTokenCounts) => counts.userTokens + counts.sessions + counts.serviceTokens;

/**
 * User access and refresh tokens, user sessions left without a live token, and deleted service tokens, expired
 * more than EXPIRED_TOKENS_CLEANUP_GRACE_PERIOD ago, are reported, and deleted when
 * EXPIRED_TOKENS_CLEANUP_REPORT_AND_DELETE is set. An expired token authenticates nothing either way.
 */
export function expiredTokensTask(deps: ExpiredTokensTaskDeps): HousekeepingTask {
  return {
    name: 'expired_tokens',
    lockKey: 3,
    periodMs: deps.config.periodMs,
    async runPass(): Promise<PassOutcome> {
      const cutoff = new Date(deps.now().getTime() - deps.config.gracePeriodMs);
      const found = await deps.tokens.count(cutoff);
      const mode = modeOf(deps.config.reportAndDelete);
      if (!deps.config.reportAndDelete) return { reported: total(found), deleted: 0, details: { mode, ...found } };
      const purged = await deps.tokens.purge(cutoff, deps.batchSize);
      return { reported: total(found), deleted: total(purged), details: { mode, ...found } };
    },
  };
}
