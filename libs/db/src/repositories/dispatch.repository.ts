import type { DataSource } from 'typeorm';

export interface DispatchEvent {
  readonly eventId: string;
  readonly applicationId: string;
  readonly eventTypeName: string;
  readonly labels: Record<string, string>;
  readonly dispatchRound: number;
  readonly applicationDeleted: boolean;
}

export interface CandidateSubscription {
  readonly subscriptionId: string;
  readonly applicationId: string;
  readonly isEnabled: boolean;
  readonly deletedAt: Date | null;
  readonly eventTypes: string[];
  readonly labels: Record<string, string>;
}

export interface NewFirstAttempt {
  readonly attemptId: string;
  readonly subscriptionId: string;
}

/** Fan-out: what an event is, who may want it, and its first attempts. */
export class DispatchRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findEvent(eventId: string): Promise<DispatchEvent | null> {
    const rows: DispatchEvent[] = await this.dataSource.query(
      `SELECT e.event_id AS "eventId", e.application_id AS "applicationId", e.event_type_name AS "eventTypeName",
              e.labels, e.dispatch_round AS "dispatchRound", (a.deleted_at IS NOT NULL) AS "applicationDeleted"
         FROM event e JOIN application a ON a.application_id = e.application_id
        WHERE e.event_id = $1`,
      [eventId],
    );
    return rows[0] ?? null;
  }

  /** Enabled, live subscriptions of the application listing the event type; labels are left to the caller. */
  async findCandidateSubscriptions(applicationId: string, eventTypeName: string): Promise<CandidateSubscription[]> {
    return this.dataSource.query(
      `SELECT subscription_id AS "subscriptionId", application_id AS "applicationId", is_enabled AS "isEnabled",
              deleted_at AS "deletedAt", event_types AS "eventTypes", labels
         FROM subscription
        WHERE application_id = $1 AND is_enabled AND deleted_at IS NULL AND event_types @> ARRAY[$2::text]`,
      [applicationId, eventTypeName],
    );
  }

  /** One statement; an attempt that already exists for (event, subscription, round, retry 0) is left alone. Returns how many were created. */
  async insertFirstAttempts(event: { eventId: string; applicationId: string }, dispatchRound: number, attempts: readonly NewFirstAttempt[]): Promise<number> {
    if (attempts.length === 0) return 0;
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count)
       SELECT attempt_id, $3::uuid, subscription_id, $4::uuid, $5::smallint, 0
         FROM unnest($1::uuid[], $2::uuid[]) AS input (attempt_id, subscription_id)
       ON CONFLICT ON CONSTRAINT request_attempt_once DO NOTHING
       RETURNING request_attempt_id`,
      [attempts.map((a) => a.attemptId), attempts.map((a) => a.subscriptionId), event.eventId, event.applicationId, dispatchRound],
    );
    return inserted.length;
  }

  /** First attempts of a round not finished yet, including ones an earlier, interrupted fan-out created. */
  async findPendingFirstAttempts(eventId: string, dispatchRound: number): Promise<string[]> {
    const rows: { attemptId: string }[] = await this.dataSource.query(
      `SELECT request_attempt_id AS "attemptId" FROM request_attempt
        WHERE event_id = $1 AND dispatch_round = $2 AND retry_count = 0 AND succeeded_at IS NULL AND failed_at IS NULL`,
      [eventId, dispatchRound],
    );
    return rows.map((row) => row.attemptId);
  }
}
