import { UNLIMITED_QUOTA, type QuotaConfig, type QuotaLimits } from '@hook0/config';
import { ProblemError, type ProblemId } from '@hook0/core';
import type { QuotaUsageRepository } from '@hook0/db';

const UNLIMITED: QuotaLimits = {
  membersPerOrganization: UNLIMITED_QUOTA,
  applicationsPerOrganization: UNLIMITED_QUOTA,
  eventsPerDay: UNLIMITED_QUOTA,
  daysOfEventsRetention: UNLIMITED_QUOTA,
  subscriptionsPerApplication: UNLIMITED_QUOTA,
  eventTypesPerApplication: UNLIMITED_QUOTA,
};

/** Retention is reported, not enforced here. */
type EnforcedQuota = Exclude<keyof QuotaLimits, 'daysOfEventsRetention'>;

export interface ApplicationConsumption {
  readonly eventsPerDay: number;
}

export interface OrganizationConsumption {
  readonly applications: number;
  readonly eventsPerDay: number;
}

/**
 * Quotas (docs/hook0-compatibility.md "Quotas"). Off by default: every limit then reads 2147483647 and nothing is checked.
 * When on, each check counts what exists and refuses the one that would pass the limit. Like Hook0's,
 * the check and the write are not one transaction, so concurrent requests can overshoot a limit slightly.
 */
export class QuotaService {
  constructor(
    private readonly usage: QuotaUsageRepository,
    private readonly config: QuotaConfig,
  ) {}

  get enabled(): boolean {
    return this.config.enabled;
  }

  /**
   * Days of events retention housekeeping applies to an application without its own override. As in Hook0, the
   * configured global limit applies whether or not quotas are enforced: only the reported limits read "unlimited".
   */
  get defaultRetentionDays(): number {
    return this.config.limits.daysOfEventsRetention;
  }

  /** The limits in force: the configured ones when enforced, otherwise "unlimited". */
  limits(): QuotaLimits {
    return this.config.enabled ? this.config.limits : UNLIMITED;
  }

  async assertCanCreateApplication(organizationId: string): Promise<void> {
    await this.refuseAtLimit('applicationsPerOrganization', (cap) => this.usage.countLiveApplications(organizationId, cap));
  }

  /** For an ingest or a replay: both count as one event of today. */
  async assertCanIngest(applicationId: string): Promise<void> {
    await this.refuseAtLimit('eventsPerDay', (cap) => this.usage.countEventsToday(applicationId, cap));
  }

  /** For a replay by query of `events` distinct events: each counts as one event of today, and all must fit. */
  async assertCanReplay(applicationId: string, events: number): Promise<void> {
    const limit = this.limitOf('eventsPerDay');
    if (limit !== null && (await this.usage.countEventsToday(applicationId)) + events > limit) throw refusal('eventsPerDay', limit);
  }

  async assertCanCreateSubscription(applicationId: string): Promise<void> {
    await this.refuseAtLimit('subscriptionsPerApplication', (cap) => this.usage.countLiveSubscriptions(applicationId, cap));
  }

  /** Re-creating (or re-activating) `eventTypeName` itself is always allowed: it adds no other active type. */
  async assertCanCreateEventType(applicationId: string, eventTypeName: string): Promise<void> {
    await this.refuseAtLimit('eventTypesPerApplication', (cap) => this.usage.countActiveEventTypes(applicationId, eventTypeName, cap));
  }

  /** For invitations (synchronous: the caller counts): `currentMembers` is how many users the organization has before the new one. */
  assertCanAddMember(currentMembers: number): void {
    const limit = this.limitOf('membersPerOrganization');
    if (limit !== null && currentMembers >= limit) throw refusal('membersPerOrganization', limit);
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

  private limitOf(quota: EnforcedQuota): number | null {
    return this.config.enabled ? this.config.limits[quota] : null;
  }

  /** When enforced, counts (no further than the limit) and refuses once the count has reached the limit. */
  private async refuseAtLimit(quota: EnforcedQuota, count: (cap: number) => Promise<number>): Promise<void> {
    const limit = this.limitOf(quota);
    if (limit !== null && (await count(limit)) >= limit) throw refusal(quota, limit);
  }
}

/** Each enforced quota's problem and, in Hook0's words, what its limit allows. */
const REFUSALS: Record<EnforcedQuota, [ProblemId, (limit: number) => string]> = {
  membersPerOrganization: ['TooManyMembersPerOrganization', (limit) => `This organization cannot have more than ${limit} members.`],
  applicationsPerOrganization: [
    'TooManyApplicationsPerOrganization',
    (limit) => `This organization cannot have more than ${limit} applications.`,
  ],
  eventsPerDay: ['TooManyEventsToday', (limit) => `This organization cannot ingest more than ${limit} events per day.`],
  subscriptionsPerApplication: [
    'TooManySubscriptionsPerApplication',
    (limit) => `This application cannot have more than ${limit} subscriptions.`,
  ],
  eventTypesPerApplication: ['TooManyEventTypesPerApplication', (limit) => `This application cannot have more than ${limit} event types.`],
};

function refusal(quota: EnforcedQuota, limit: number): ProblemError {
  const [problem, what] = REFUSALS[quota];
  return new ProblemError(problem, `${what(limit)} You might want to upgrade to a better plan.`);
}
