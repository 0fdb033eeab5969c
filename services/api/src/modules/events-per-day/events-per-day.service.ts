import type { EventsPerDayRepository, EventsPerDayRow } from '@hook0/db';
import type { ApplicationGrant, OrganizationGrant } from '../../auth/grants';
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
    private readonly now: () => Date = () => new Date(),
  ) {}

  async forApplication({ application }: ApplicationGrant, from?: string, to?: string): Promise<EventsPerDay> {
    const now = this.now();
    const rows = await this.counts.forApplication(application.applicationId, resolveDayRange(from, to, now));
    return { rows, today: utcDay(now) };
  }

  async forOrganization({ organizationId }: OrganizationGrant, from?: string, to?: string): Promise<EventsPerDay> {
    const now = this.now();
    const rows = await this.counts.forOrganization(organizationId, resolveDayRange(from, to, now));
    return { rows, today: utcDay(now) };
  }
}
