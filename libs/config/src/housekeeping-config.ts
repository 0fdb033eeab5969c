import type { EnvReader } from './env-reader';

/** setTimeout's ceiling: a longer period would fire at once. */
const MAX_PERIOD_MS = 2_147_483_647;
/** 100 years, so that the cut-off date stays a valid timestamp. */
const MAX_GRACE_MS = 36_500 * 86_400_000;

export interface OldEventsCleanupConfig {
  readonly periodMs: number;
  /** Days kept beyond the application's retention before an event counts as expired. */
  readonly gracePeriodDays: number;
  /** False (default): expired events are reported, not deleted. */
  readonly reportAndDelete: boolean;
}

export interface SoftDeletedApplicationsCleanupConfig {
  /** False (default): soft-deleted applications are kept forever, as in Hook0. */
  readonly enabled: boolean;
  readonly periodMs: number;
  readonly gracePeriodMs: number;
}

export interface ExpiredTokensCleanupConfig {
  readonly periodMs: number;
  readonly gracePeriodMs: number;
  /** False (default): expired tokens are reported, not deleted. */
  readonly reportAndDelete: boolean;
}

/** Hook0's housekeeping tasks (docs/hook0-compatibility.md "Retention"), with Hook0's variable names and defaults. */
export interface HousekeepingConfig {
  readonly oldEvents: OldEventsCleanupConfig;
  readonly softDeletedApplications: SoftDeletedApplicationsCleanupConfig;
  readonly expiredTokens: ExpiredTokensCleanupConfig;
}

export function readHousekeepingConfig(env: EnvReader): HousekeepingConfig {
  const period = (name: string, fallback: string) => {
    const ms = env.duration(name, fallback);
    env.check(ms > 0 && ms <= MAX_PERIOD_MS, name, `must be above 0 and at most ${MAX_PERIOD_MS}ms`);
    return ms;
  };
  const grace = (name: string, fallback: string) => {
    const ms = env.duration(name, fallback);
    env.check(ms <= MAX_GRACE_MS, name, 'must be at most 36500d');
    return ms;
  };
  return {
    oldEvents: {
      periodMs: env.integer('OLD_EVENTS_CLEANUP_PERIOD_IN_S', 3600, 1, Math.floor(MAX_PERIOD_MS / 1000)) * 1000,
      gracePeriodDays: env.integer('OLD_EVENTS_CLEANUP_GRACE_PERIOD_IN_DAY', 30, 0, 65_535),
      reportAndDelete: env.boolean('OLD_EVENTS_CLEANUP_REPORT_AND_DELETE', false),
    },
    softDeletedApplications: {
      enabled: env.boolean('ENABLE_SOFT_DELETED_APPLICATIONS_CLEANUP', false),
      periodMs: period('SOFT_DELETED_APPLICATIONS_CLEANUP_PERIOD', '1d'),
      gracePeriodMs: grace('SOFT_DELETED_APPLICATIONS_CLEANUP_GRACE_PERIOD', '30d'),
    },
    expiredTokens: {
      periodMs: period('EXPIRED_TOKENS_CLEANUP_PERIOD', '1h'),
      gracePeriodMs: grace('EXPIRED_TOKENS_CLEANUP_GRACE_PERIOD', '7d'),
      reportAndDelete: env.boolean('EXPIRED_TOKENS_CLEANUP_REPORT_AND_DELETE', false),
    },
  };
}
