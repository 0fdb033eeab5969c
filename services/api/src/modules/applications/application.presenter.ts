import type { QuotaLimits } from '@hook0/config';
import type { ApplicationEntity, ApplicationOnboarding } from '@hook0/db';

export function toApplicationView(application: ApplicationEntity) {
  return { application_id: application.applicationId, organization_id: application.organizationId, name: application.name };
}

/** The limits in force (2147483647 each while quotas are off) and today's event count. */
export interface ApplicationQuotaUsage {
  readonly limits: QuotaLimits;
  readonly eventsPerDay: number;
}

export interface ApplicationInfo {
  readonly application: ApplicationEntity;
  readonly usage: ApplicationQuotaUsage;
  readonly onboarding: ApplicationOnboarding;
}

const step = (done: boolean) => (done ? 'Done' : 'ToDo');

/** Hook0's ApplicationInfo (docs/hook0-compatibility.md "Applications"). */
export function toApplicationInfoView({ application, usage, onboarding }: ApplicationInfo) {
  return {
    ...toApplicationView(application),
    quotas: { events_per_day_limit: usage.limits.eventsPerDay, days_of_events_retention_limit: usage.limits.daysOfEventsRetention },
    consumption: { events_per_day: usage.eventsPerDay },
    onboarding_steps: {
      event_type: step(onboarding.eventType),
      subscription: step(onboarding.subscription),
      event: step(onboarding.event),
    },
  };
}
