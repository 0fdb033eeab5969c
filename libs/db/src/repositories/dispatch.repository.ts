import type { DataSource } from 'typeorm';
import { PreparedStatement } from '../prepared-statement';

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

export interface DispatchInput {
  readonly event: DispatchEvent;
  /** Enabled, live subscriptions of the application listing the event type; labels are left to the caller. */
  readonly candidates: CandidateSubscription[];
}

export interface NewFirstAttempt {
  readonly attemptId: string;
  readonly subscriptionId: string;
}

export interface FirstAttempts {
  readonly created: number;
  /** Every unfinished first attempt of the round: the ones just created and any an earlier, interrupted fan-out left. */
  readonly pending: string[];
}

type DispatchRow = DispatchEvent & {
  readonly subscriptionId: string | null;
  readonly isEnabled: boolean;
  readonly deletedAt: Date | null;
  readonly eventTypes: string[];
  readonly subscriptionLabels: Record<string, string>;
};

const LOAD = new PreparedStatement<DispatchRow>(
  'hook0_dispatch_load',
  `SELECT e.event_id AS "eventId", e.application_id AS "applicationId", e.event_type_name AS "eventTypeName", e.labels,
          e.dispatch_round AS "dispatchRound", (a.deleted_at IS NOT NULL) AS "applicationDeleted",
          s.subscription_id AS "subscriptionId", s.is_enabled AS "isEnabled", s.deleted_at AS "deletedAt",
          s.event_types AS "eventTypes", s.labels AS "subscriptionLabels"
     FROM event e
     JOIN application a ON a.application_id = e.application_id
     LEFT JOIN subscription s ON s.application_id = e.application_id AND s.is_enabled AND s.deleted_at IS NULL
                             AND s.event_types @> ARRAY[e.event_type_name]
    WHERE e.event_id = $1`,
);

const CREATE_FIRST_ATTEMPTS = new PreparedStatement<{ attemptId: string; created: boolean }>(
  'hook0_create_first_attempts',
  `WITH created AS (
     INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count)
     SELECT attempt_id, $3::uuid, subscription_id, $4::uuid, $5::smallint, 0
       FROM unnest($1::uuid[], $2::uuid[]) AS input (attempt_id, subscription_id)
     ON CONFLICT ON CONSTRAINT request_attempt_once DO NOTHING
     RETURNING request_attempt_id
   ), fanned_out AS (
     UPDATE event SET dispatched_round = $5
      WHERE event_id = $3 AND (dispatched_round IS NULL OR dispatched_round < $5)
   )
   SELECT request_attempt_id AS "attemptId", true AS created FROM created
   UNION ALL
   SELECT request_attempt_id, false FROM request_attempt
    WHERE event_id = $3 AND dispatch_round = $5 AND retry_count = 0 AND succeeded_at IS NULL AND failed_at IS NULL`,
);

/** Fan-out: what an event is and who may want it in one statement, its first attempts in another. */
export class DispatchRepository {
  constructor(private readonly dataSource: DataSource) {}

  async load(eventId: string): Promise<DispatchInput | null> {
    const rows = await LOAD.rows(this.dataSource, [eventId]);
    if (rows.length === 0) return null;
    const { eventId: id, applicationId, eventTypeName, labels, dispatchRound, applicationDeleted } = rows[0];
    const candidates = rows
      .filter((row) => row.subscriptionId !== null)
      .map((row) => ({
        subscriptionId: row.subscriptionId as string,
        applicationId,
        isEnabled: row.isEnabled,
        deletedAt: row.deletedAt,
        eventTypes: row.eventTypes,
        labels: row.subscriptionLabels,
      }));
    return { event: { eventId: id, applicationId, eventTypeName, labels, dispatchRound, applicationDeleted }, candidates };
  }

  /**
   * One statement: inserts the given first attempts (one already there for (event, subscription, round, retry 0) is
   * left alone), records the round as fanned out, and lists the round's unfinished first attempts, created now or before.
   */
  async createFirstAttempts(event: { eventId: string; applicationId: string }, dispatchRound: number, attempts: readonly NewFirstAttempt[]): Promise<FirstAttempts> {
    const rows = await CREATE_FIRST_ATTEMPTS.rows(this.dataSource, [
      attempts.map((a) => a.attemptId),
      attempts.map((a) => a.subscriptionId),
      event.eventId,
      event.applicationId,
      dispatchRound,
    ]);
    return { created: rows.filter((row) => row.created).length, pending: rows.map((row) => row.attemptId) };
  }
}
