import type { EventsPerDayRepository, EventsPerDayRow } from '@hook0/db';
import type { AccessPolicy } from '../../auth/access-policy';
import type { Principal } from '../../auth/principal';
import { resolveDayRange, utcDay } from './day-range';

export interface EventsPerDay {
  readonly rows: EventsPerDayRow[];
  /** Today, UTC: its row is still growing (provisional). */
  readonly today: string;
}

/** Events per day (docs/hook0-compatibility.md "Events"), per application or over an organization. */
export class EventsPerDayService {
  constructor(
    private readonly counts: EventsPerDayRepository,
    private readonly access: AccessPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async forApplication(principal: Principal, applicationId: string, from?: string, to?: string): Promise<EventsPerDay> {
    const application = await this.access.application(principal, applicationId, 'read');
    const now = this.now();
    const rows = await this.counts.forApplication(application.applicationId, resolveDayRange(from, to, now));
    return { rows, today: utcDay(now) };
  }

  async forOrganization(principal: Principal, organizationId: string, from?: string, to?: string): Promise<EventsPerDay> {
    this.access.organization(principal, organizationId, 'read');
    const now = this.now();
    const rows = await this.counts.forOrganization(organizationId, resolveDayRange(from, to, now));
    return { rows, today: utcDay(now) };
  }
}
