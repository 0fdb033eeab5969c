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

/**
 * The live counts of the event table plus the counts housekeeping kept of the events it deleted, for the applications
 * `applications` selects ($3 its parameter) over the days $1 to $2. The (application_id, received_at) index serves
 * the live part per application.
 */
const countPerDay = (applications: string) => `
  SELECT c.application_id AS "applicationId", a.name AS "applicationName", to_char(c.day, 'YYYY-MM-DD') AS date, sum(c.amount) AS amount
    FROM (SELECT e.application_id, (e.received_at AT TIME ZONE 'UTC')::date AS day, count(*) AS amount
            FROM event e
           WHERE e.application_id IN (${applications})
             AND e.received_at >= ($1::date)::timestamp AT TIME ZONE 'UTC' AND e.received_at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'
           GROUP BY 1, 2
          UNION ALL
          SELECT p.application_id, p.day, p.amount
            FROM purged_events_per_day p
           WHERE p.application_id IN (${applications}) AND p.day BETWEEN $1::date AND $2::date) AS c
    JOIN application a ON a.application_id = c.application_id
   GROUP BY c.application_id, a.name, c.day
   ORDER BY date, c.application_id`;

const FOR_APPLICATION = countPerDay('$3::uuid');
const FOR_ORGANIZATION = countPerDay('SELECT application_id FROM application WHERE organization_id = $3 AND deleted_at IS NULL');

/** Events received per UTC day (docs/hook0-compatibility.md "Events"), housekeeping's deletions included. Days without events have no row. */
export class EventsPerDayRepository {
  constructor(private readonly dataSource: DataSource) {}

  async forApplication(applicationId: string, range: DayRange): Promise<EventsPerDayRow[]> {
    return this.rows(FOR_APPLICATION, [range.from, range.to, applicationId]);
  }

  /** Over the organization's live applications. */
  async forOrganization(organizationId: string, range: DayRange): Promise<EventsPerDayRow[]> {
    return this.rows(FOR_ORGANIZATION, [range.from, range.to, organizationId]);
  }

  private async rows(sql: string, values: unknown[]): Promise<EventsPerDayRow[]> {
    const rows: (Omit<EventsPerDayRow, 'amount'> & { amount: string })[] = await this.dataSource.query(sql, values);
    return rows.map((row) => ({ ...row, amount: Number(row.amount) }));
  }
}
