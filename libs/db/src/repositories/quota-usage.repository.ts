import type { DataSource } from 'typeorm';

/** Start of the current UTC day: "today" for quotas and for the events-per-day figures. */
export const UTC_TODAY = `(date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`;

/** The current UTC calendar day, as a date. */
export const UTC_DAY = `(now() AT TIME ZONE 'UTC')::date`;

/**
 * Counts the quotas of docs/hook0-compatibility.md "Quotas" compare with. A `cap` stops counting there: enforcing a limit of N
 * needs to know only whether N rows exist, which keeps the check cheap for large applications.
 */
export class QuotaUsageRepository {
  constructor(private readonly dataSource: DataSource) {}

  countLiveApplications(organizationId: string, cap?: number): Promise<number> {
    return this.count(`SELECT 1 FROM application WHERE organization_id = $1 AND deleted_at IS NULL`, [organizationId], cap);
  }

  /**
   * Events the application received since midnight UTC, plus its replays of today: a replay counts as one event
   * (the cap stops the count of received events only; adding replays can only take it further).
   */
  countEventsToday(applicationId: string, cap?: number): Promise<number> {
    return this.count(`SELECT 1 FROM event WHERE application_id = $1 AND received_at >= ${UTC_TODAY}`, [applicationId], cap, {
      plus: `SELECT amount FROM replayed_events_per_day WHERE application_id = $1 AND day = ${UTC_DAY}`,
    });
  }

  /** Events the organization's live applications received since midnight UTC, plus their replays of today. */
  countOrganizationEventsToday(organizationId: string): Promise<number> {
    return this.count(
      `SELECT 1 FROM event e JOIN application a ON a.application_id = e.application_id
        WHERE a.organization_id = $1 AND a.deleted_at IS NULL AND e.received_at >= ${UTC_TODAY}`,
      [organizationId],
      undefined,
      {
        plus: `SELECT sum(r.amount) FROM replayed_events_per_day r JOIN application a ON a.application_id = r.application_id
                WHERE a.organization_id = $1 AND a.deleted_at IS NULL AND r.day = ${UTC_DAY}`,
      },
    );
  }

  countLiveSubscriptions(applicationId: string, cap?: number): Promise<number> {
    return this.count(`SELECT 1 FROM subscription WHERE application_id = $1 AND deleted_at IS NULL`, [applicationId], cap);
  }

  /** Active event types other than `exceptName`, so re-creating an existing type never counts twice. */
  countActiveEventTypes(applicationId: string, exceptName: string, cap?: number): Promise<number> {
    return this.count(
      `SELECT 1 FROM event_type WHERE application_id = $1 AND deactivated_at IS NULL AND event_type_name <> $2`,
      [applicationId, exceptName],
      cap,
    );
  }

  /** `plus`: a query of one number (or none) added to the count. */
  private async count(rows: string, values: unknown[], cap?: number, options: { plus?: string } = {}): Promise<number> {
    const limit = cap === undefined ? '' : ` LIMIT ${Math.max(0, Math.trunc(cap))}`;
    const plus = options.plus === undefined ? '' : ` + COALESCE((${options.plus}), 0)`;
    const [row]: { count: string }[] = await this.dataSource.query(
      `SELECT count(*)${plus} AS count FROM (${rows}${limit}) counted`,
      values,
    );
    return Number(row.count);
  }
}
