import type { DataSource } from 'typeorm';

/** An attempt as the API shows it; timestamps are RFC 3339 text with PostgreSQL's microseconds. */
export interface RequestAttemptRow {
  readonly requestAttemptId: string;
  readonly eventId: string;
  readonly eventTypeName: string;
  readonly subscriptionId: string;
  readonly subscriptionDescription: string | null;
  readonly createdAt: string;
  readonly pickedAt: string | null;
  readonly failedAt: string | null;
  readonly succeededAt: string | null;
  readonly delayUntil: string | null;
  readonly responseId: string | null;
  readonly retryCount: number;
  readonly httpResponseStatus: number | null;
}

export interface RequestAttemptFilter {
  readonly applicationId: string;
  readonly eventId?: string;
  readonly subscriptionId?: string;
  /** Inclusive bounds, as RFC 3339 text (PostgreSQL parses them, keeping microseconds). */
  readonly minCreatedAt?: string;
  readonly maxCreatedAt?: string;
  readonly eventTypeNames?: readonly string[];
  /** Read-time status types (docs/api.md "Request attempts by status"); any of them. */
  readonly statuses?: readonly AttemptStatusType[];
  /** Keyset: only rows after this one in the listing order. */
  readonly after?: { readonly createdAt: string; readonly requestAttemptId: string };
  readonly limit: number;
}

export type AttemptStatusType = 'failed' | 'successful' | 'inprogress' | 'waiting' | 'pending';

/** Each read-time status as a condition, in the order attemptStatus (libs/core) decides them. */
export const ATTEMPT_STATUS_CONDITIONS: Record<AttemptStatusType, string> = {
  failed: 'ra.failed_at IS NOT NULL',
  successful: 'ra.failed_at IS NULL AND ra.succeeded_at IS NOT NULL',
  inprogress: 'ra.failed_at IS NULL AND ra.succeeded_at IS NULL AND ra.picked_at IS NOT NULL',
  waiting: 'ra.failed_at IS NULL AND ra.succeeded_at IS NULL AND ra.picked_at IS NULL AND ra.delay_until > now()',
  pending:
    'ra.failed_at IS NULL AND ra.succeeded_at IS NULL AND ra.picked_at IS NULL AND (ra.delay_until IS NULL OR ra.delay_until <= now())',
};

/** JS Dates keep milliseconds only; a keyset cursor built from one would skip rows within the same millisecond. */
const rfc3339 = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const SELECT_ATTEMPT = `
  SELECT ra.request_attempt_id AS "requestAttemptId", ra.event_id AS "eventId", e.event_type_name AS "eventTypeName",
         ra.subscription_id AS "subscriptionId", s.description AS "subscriptionDescription",
         ${rfc3339('ra.created_at')} AS "createdAt", ${rfc3339('ra.picked_at')} AS "pickedAt",
         ${rfc3339('ra.failed_at')} AS "failedAt", ${rfc3339('ra.succeeded_at')} AS "succeededAt",
         ${rfc3339('ra.delay_until')} AS "delayUntil", ra.response_id AS "responseId", ra.retry_count AS "retryCount",
         r.http_code AS "httpResponseStatus"
    FROM request_attempt ra
    JOIN event e ON e.event_id = ra.event_id AND e.application_id = ra.application_id
    JOIN subscription s ON s.subscription_id = ra.subscription_id
    LEFT JOIN response r ON r.response_id = ra.response_id`;

export class RequestAttemptRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One page, newest first with the id ascending among equal timestamps. The keyset condition follows that
   * order exactly (earlier timestamp, or same timestamp and greater id), so paging returns every row once.
   */
  list(filter: RequestAttemptFilter): Promise<RequestAttemptRow[]> {
    const conditions = ['ra.application_id = $1'];
    const values: unknown[] = [filter.applicationId];
    const bind = (value: unknown) => `$${values.push(value)}`;
    if (filter.eventId) conditions.push(`ra.event_id = ${bind(filter.eventId)}`);
    if (filter.subscriptionId) conditions.push(`ra.subscription_id = ${bind(filter.subscriptionId)}`);
    if (filter.minCreatedAt) conditions.push(`ra.created_at >= ${bind(filter.minCreatedAt)}::timestamptz`);
    if (filter.maxCreatedAt) conditions.push(`ra.created_at <= ${bind(filter.maxCreatedAt)}::timestamptz`);
    if (filter.eventTypeNames?.length) conditions.push(`e.event_type_name = ANY(${bind(filter.eventTypeNames)}::text[])`);
    if (filter.statuses?.length)
      conditions.push(`(${filter.statuses.map((status) => `(${ATTEMPT_STATUS_CONDITIONS[status]})`).join(' OR ')})`);
    if (filter.after) {
      const date = bind(filter.after.createdAt);
      const id = bind(filter.after.requestAttemptId);
      conditions.push(
        `(ra.created_at < ${date}::timestamptz OR (ra.created_at = ${date}::timestamptz AND ra.request_attempt_id > ${id}::uuid))`,
      );
    }
    return this.dataSource.query(
      `${SELECT_ATTEMPT}
        WHERE ${conditions.join(' AND ')}
        ORDER BY ra.created_at DESC, ra.request_attempt_id ASC
        LIMIT ${bind(filter.limit)}`,
      values,
    );
  }

  async findInApplication(applicationId: string, requestAttemptId: string): Promise<RequestAttemptRow | null> {
    const rows: RequestAttemptRow[] = await this.dataSource.query(
      `${SELECT_ATTEMPT} WHERE ra.application_id = $1 AND ra.request_attempt_id = $2`,
      [applicationId, requestAttemptId],
    );
    return rows[0] ?? null;
  }
}
