import type { ApplicationEntity } from '@hook0/db';

export function toApplicationView(application: ApplicationEntity) {
  return { application_id: application.applicationId, organization_id: application.organizationId, name: application.name };
}

const UNLIMITED = 2_147_483_647;

export function toApplicationInfoView(application: ApplicationEntity, eventsToday: number) {
  return {
    ...toApplicationView(application),
    quotas: { events_per_day_limit: UNLIMITED, days_of_events_retention_limit: UNLIMITED },
    consumption: { events_per_day: eventsToday },
    onboarding_steps: null,
  };
}
