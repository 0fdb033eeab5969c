import type { OrganizationEntity } from '@hook0/db';

const UNLIMITED = 2_147_483_647;

export function toOrganizationSummaryView(organization: OrganizationEntity, role: string) {
  return { organization_id: organization.organizationId, role, name: organization.name, plan: null };
}

export function toOrganizationInfoView(organization: OrganizationEntity, applicationCount: number) {
  return {
    organization_id: organization.organizationId,
    name: organization.name,
    plan: null,
    users: [],
    quotas: {
      members_per_organization_limit: UNLIMITED,
      applications_per_organization_limit: UNLIMITED,
      events_per_day_limit: UNLIMITED,
      days_of_events_retention_limit: UNLIMITED,
    },
    consumption: { members: 0, applications: applicationCount, events_per_day: 0 },
    onboarding_steps: null,
  };
}
