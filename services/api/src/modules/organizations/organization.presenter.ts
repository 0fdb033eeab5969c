import type { QuotaLimits } from '@hook0/config';
import type { OrganizationEntity, OrganizationMember, OrganizationRole } from '@hook0/db';

/** How a principal relates to an organization, as GET /organizations reports it. */
export type OrganizationAccess = OrganizationRole | 'master';

export function toOrganizationSummaryView(organization: OrganizationEntity, role: OrganizationAccess) {
  return { organization_id: organization.organizationId, role, name: organization.name, plan: null };
}

export interface OrganizationDetails {
  readonly organization: OrganizationEntity;
  readonly members: readonly OrganizationMember[];
  readonly limits: QuotaLimits;
  readonly consumption: { readonly applications: number; readonly eventsPerDay: number };
  readonly onboarding: {
    readonly application: boolean;
    readonly eventType: boolean;
    readonly subscription: boolean;
    readonly event: boolean;
  };
}

const step = (done: boolean) => (done ? 'Done' : 'ToDo');

/** Hook0's OrganizationInfo (docs/hook0-compatibility.md "Organizations"). */
export function toOrganizationInfoView(details: OrganizationDetails) {
  const { organization, members, limits, consumption, onboarding } = details;
  return {
    organization_id: organization.organizationId,
    name: organization.name,
    plan: null,
    users: members.map((member) => ({
      user_id: member.userId,
      email: member.email,
      first_name: member.firstName,
      last_name: member.lastName,
      role: member.role,
    })),
    quotas: {
      members_per_organization_limit: limits.membersPerOrganization,
      applications_per_organization_limit: limits.applicationsPerOrganization,
      events_per_day_limit: limits.eventsPerDay,
      days_of_events_retention_limit: limits.daysOfEventsRetention,
    },
    consumption: { members: members.length, applications: consumption.applications, events_per_day: consumption.eventsPerDay },
    onboarding_steps: {
      application: step(onboarding.application),
      event_type: step(onboarding.eventType),
      subscription: step(onboarding.subscription),
      event: step(onboarding.event),
    },
  };
}
