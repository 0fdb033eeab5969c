import { UNLIMITED_QUOTA, type QuotaConfig, type QuotaLimits } from '@hook0/config';
import { ProblemError } from '@hook0/core';
import type { QuotaUsageRepository } from '@hook0/db';

const UNLIMITED: QuotaLimits = {
  membersPerOrganization: UNLIMITED_QUOTA,
  applicationsPerOrganization: UNLIMITED_QUOTA,
  eventsPerDay: UNLIMITED_QUOTA,
  daysOfEventsRetention: UNLIMITED_QUOTA,
  subscriptionsPerApplication: UNLIMITED_QUOTA,
  eventTypesPerApplication: UNLIMITED_QUOTA,
};

export interface ApplicationConsumption {
  readonly eventsPerDay: number;
}

export interface OrganizationConsumption {
  readonly applications: number;
  readonly eventsPerDay: number;
}

/**
 * Quotas (HOOK0_API.md §10.1). Off by default: every limit then reads 2147483647 and nothing is checked.
 * When on, each check counts what exists and refuses the one that would pass the limit. Like Hook0's,
 * the check and the write are not one transaction, so concurrent requests can overshoot a limit slightly.
 */
export class QuotaService {
  constructor(private readonly usage: QuotaUsageRepository, private readonly config: QuotaConfig) {}

  get enabled(): boolean {
    return this.config.enabled;
  }

  /** The limits in force: the configured ones when enforced, otherwise "unlimited". */
  limits(): QuotaLimits {
    return this.config.enabled ? this.config.limits : UNLIMITED;
  }

  async assertCanCreateApplication(organizationId: string): Promise<void> {
    const limit = this.enforced('applicationsPerOrganization');
    if (limit === null) return;
    if ((await this.usage.countLiveApplications(organizationId, limit)) >= limit) {
      throw new ProblemError('TooManyApplicationsPerOrganization', `This organization cannot have more than ${limit} applications. You might want to upgrade to a better plan.`);
    }
  }

  async assertCanIngest(applicationId: string): Promise<void> {
    const limit = this.enforced('eventsPerDay');
    if (limit === null) return;
    if ((await this.usage.countEventsToday(applicationId, limit)) >= limit) {
      throw new ProblemError('TooManyEventsToday', `This organization cannot ingest more than ${limit} events per day. You might want to upgrade to a better plan.`);
    }
  }

  async assertCanCreateSubscription(applicationId: string): Promise<void> {
    const limit = this.enforced('subscriptionsPerApplication');
    if (limit === null) return;
    if ((await this.usage.countLiveSubscriptions(applicationId, limit)) >= limit) {
      throw new ProblemError('TooManySubscriptionsPerApplication', `This application cannot have more than ${limit} subscriptions. You might want to upgrade to a better plan.`);
    }
  }

  /** Re-creating (or re-activating) `eventTypeName` itself is always allowed: it adds no other active type. */
  async assertCanCreateEventType(applicationId: string, eventTypeName: string): Promise<void> {
    const limit = this.enforced('eventTypesPerApplication');
    if (limit === null) return;
    if ((await this.usage.countActiveEventTypes(applicationId, eventTypeName, limit)) >= limit) {
      throw new ProblemError('TooManyEventTypesPerApplication', `This application cannot have more than ${limit} event types. You might want to upgrade to a better plan.`);
    }
  }

  /** For invitations: `currentMembers` is how many users the organization has before the new one. */
  assertCanAddMember(currentMembers: number): void {
    const limit = this.enforced('membersPerOrganization');
    if (limit !== null && currentMembers >= limit) {
      throw new ProblemError('TooManyMembersPerOrganization', `This organization cannot have more than ${limit} members. You might want to upgrade to a better plan.`);
    }
  }

  async applicationConsumption(applicationId: string): Promise<ApplicationConsumption> {
    return { eventsPerDay: await this.usage.countEventsToday(applicationId) };
  }

  async organizationConsumption(organizationId: string): Promise<OrganizationConsumption> {
    const [applications, eventsPerDay] = await Promise.all([
      this.usage.countLiveApplications(organizationId),
      this.usage.countOrganizationEventsToday(organizationId),
    ]);
    return { applications, eventsPerDay };
  }

  private enforced(quota: keyof QuotaLimits): number | null {
    return this.config.enabled ? this.config.limits[quota] : null;
  }
}
