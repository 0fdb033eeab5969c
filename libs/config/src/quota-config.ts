import type { EnvReader } from './env-reader';

/** Hook0's "unlimited": i32::MAX, what every limit reads when quotas are off. */
export const UNLIMITED_QUOTA = 2_147_483_647;

/** Instance-wide quota limits (docs/hook0-compatibility.md "Quotas"); there are no plans, so these apply to every organization. */
export interface QuotaLimits {
  readonly membersPerOrganization: number;
  readonly applicationsPerOrganization: number;
  readonly eventsPerDay: number;
  readonly daysOfEventsRetention: number;
  readonly subscriptionsPerApplication: number;
  readonly eventTypesPerApplication: number;
}

export interface QuotaConfig {
  /** ENABLE_QUOTA_ENFORCEMENT: off by default, as in Hook0. */
  readonly enabled: boolean;
  /** The configured limits, used only while enabled. */
  readonly limits: QuotaLimits;
}

export function readQuotaConfig(env: EnvReader): QuotaConfig {
  const limit = (name: string, fallback: number) => env.integer(name, fallback, 0, UNLIMITED_QUOTA);
  return {
    enabled: env.boolean('ENABLE_QUOTA_ENFORCEMENT', false),
    limits: {
      membersPerOrganization: limit('QUOTA_GLOBAL_MEMBERS_PER_ORGANIZATION_LIMIT', 1),
      applicationsPerOrganization: limit('QUOTA_GLOBAL_APPLICATIONS_PER_ORGANIZATION_LIMIT', 1),
      eventsPerDay: limit('QUOTA_GLOBAL_EVENTS_PER_DAY_LIMIT', 100),
      daysOfEventsRetention: limit('QUOTA_GLOBAL_DAYS_OF_EVENTS_RETENTION_LIMIT', 7),
      subscriptionsPerApplication: limit('QUOTA_GLOBAL_SUBSCRIPTIONS_PER_APPLICATION_LIMIT', 10),
      eventTypesPerApplication: limit('QUOTA_GLOBAL_EVENT_TYPES_PER_APPLICATION_LIMIT', 10),
    },
  };
}
