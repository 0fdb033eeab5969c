import type { QuotaLimits } from '@hook0/config';

/** `GET /quotas` (docs/hook0-compatibility.md "Instance and health"). */
export function toQuotasView(enabled: boolean, limits: QuotaLimits) {
  return {
    enabled,
    limits: {
      global_members_per_organization_limit: limits.membersPerOrganization,
      global_applications_per_organization_limit: limits.applicationsPerOrganization,
      global_events_per_day_limit: limits.eventsPerDay,
      global_days_of_events_retention_limit: limits.daysOfEventsRetention,
      global_subscriptions_per_application_limit: limits.subscriptionsPerApplication,
      global_event_types_per_application_limit: limits.eventTypesPerApplication,
    },
  };
}
