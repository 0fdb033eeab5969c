import type { DataSource } from 'typeorm';

export interface EventsPerDayRow {
  readonly applicationId: string;
  readonly applicationName: string;
  /** The UTC calendar day, YYYY-MM-DD. */
  readonly date: string;
  readonly amount: number;
}

/** An inclusive range of UTC calendar days, as YYYY-MM-DD. */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

const COUNT_PER_DAY = `
  SELECT e.application_id AS "applicationId", a.name AS "applicationName",
         to_char((e.received_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS date, count(*) AS amount
    FROM event e JOIN application a ON a.application_id = e.application_id`;

/** A day range as received_at bounds; the (application_id, received_at) index serves it per application. */
const IN_RANGE = `e.received_at >= ($1::date)::timestamp AT TIME ZONE 'UTC' AND e.received_at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'`;

const GROUP_AND_ORDER = `GROUP BY e.application_id, a.name, date ORDER BY date, e.application_id`;

/** Events received per UTC day (HOOK0_API.md §3.8.5), counted from the event table. Days without events have no row. */
export class EventsPerDayRepository {
  constructor(private readonly dataSource: DataSource) {}

  async forApplication(applicationId: string, range: DayRange): Promise<EventsPerDayRow[]> {
    return this.rows(`${COUNT_PER_DAY} WHERE e.application_id = $3 AND ${IN_RANGE} ${GROUP_AND_ORDER}`, [range.from, range.to, applicationId]);
  }

  /** Over the organization's live applications. */
  async forOrganization(organizationId: string, range: DayRange): Promise<EventsPerDayRow[]> {
    return this.rows(
      `${COUNT_PER_DAY} WHERE a.organization_id = $3 AND a.deleted_at IS NULL AND ${IN_RANGE} ${GROUP_AND_ORDER}`,
      [range.from, range.to, organizationId],
    );
  }

  private async rows(sql: string, values: unknown[]): Promise<EventsPerDayRow[]> {
    const rows: (Omit<EventsPerDayRow, 'amount'> & { amount: string })[] = await this.dataSource.query(sql, values);
    return rows.map((row) => ({ ...row, amount: Number(row.amount) }));
  }
}
