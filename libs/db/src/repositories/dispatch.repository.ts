import type { DataSource } from 'typeorm';
import { MicroBatcher } from '../micro-batcher';
import { PreparedStatement } from '../prepared-statement';
import { STATEMENT_BATCHING } from './statement-batching';
import { eventKeyString, type EventKey } from '../event-key';

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
  /**
   * The round's unfinished first attempts to claim or announce: the ones just created and any an earlier, interrupted
   * fan-out left, but for the parked ones.
   */
  readonly pending: string[];
  /** How many of them wait parked behind their subscription's backlog, to be pulled like the rest of it. */
  readonly parked: number;
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
     FROM (SELECT DISTINCT * FROM unnest($1::uuid[], $2::uuid[]) AS k (event_id, application_id)) AS k
     JOIN event e ON e.event_id = k.event_id AND e.application_id = k.application_id
     JOIN application a ON a.application_id = e.application_id
     LEFT JOIN subscription s ON s.application_id = e.application_id AND s.is_enabled AND s.deleted_at IS NULL
                             AND s.event_types @> ARRAY[e.event_type_name]`,
);

/**
 * Inserted in key order, so concurrent batches wait on each other's rows in one order; records each round as fanned
 * out. The round's attempts are also matched against the event id array, a lookup by key whatever the planner
 * estimates of the table (docs/benchmarks.md).
 *
 * An attempt of a subscription that has parked attempts and all its places taken is parked at once, behind them:
 * its claim would decide the same under the subscription's lock (docs/guarantees.md "Fair delivery"). Decided on
 * this statement's snapshot, that can be late by a completion committing meanwhile; then the attempt waits like any
 * parked one whose subscription has room: the subscription's next attempt finds the room and is claimed, and its
 * completion pulls the backlog (or the lease recovery pass does).
 */
const CREATE_FIRST_ATTEMPTS = new PreparedStatement<{
  attemptId: string;
  eventId: string;
  applicationId: string;
  dispatchRound: number;
  created: boolean;
  parked: boolean;
}>(
  'hook0_create_first_attempts',
  `WITH behind_backlog AS (
     SELECT s.subscription_id
       FROM subscription AS s
      WHERE s.subscription_id = ANY($3::uuid[])
        AND EXISTS (SELECT 1 FROM request_attempt AS p
                     WHERE p.subscription_id = s.subscription_id AND p.parked_at IS NOT NULL
                       AND p.succeeded_at IS NULL AND p.failed_at IS NULL)
        AND (SELECT count(*) FROM request_attempt AS h
              WHERE h.subscription_id = s.subscription_id AND h.lease_expires_at > now()
                AND h.succeeded_at IS NULL AND h.failed_at IS NULL) >= coalesce(s.max_in_flight, $9)
   ), created AS (
     INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count, parked_at)
     SELECT attempt_id, event_id, subscription_id, application_id, dispatch_round, 0,
            CASE WHEN subscription_id IN (SELECT subscription_id FROM behind_backlog) THEN now() END
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::smallint[])
            AS input (attempt_id, event_id, subscription_id, application_id, dispatch_round)
      ORDER BY event_id, subscription_id, dispatch_round
     ON CONFLICT ON CONSTRAINT request_attempt_once DO NOTHING
     RETURNING request_attempt_id, event_id, application_id, dispatch_round, parked_at IS NOT NULL AS parked
   ), fanned_out AS (
     UPDATE event AS e SET dispatched_round = round.dispatch_round
       FROM unnest($6::uuid[], $7::uuid[], $8::smallint[]) AS round (event_id, application_id, dispatch_round)
      WHERE e.event_id = round.event_id AND e.application_id = round.application_id
        AND (e.dispatched_round IS NULL OR e.dispatched_round < round.dispatch_round)
   )
   SELECT request_attempt_id AS "attemptId", event_id AS "eventId", application_id AS "applicationId", dispatch_round AS "dispatchRound",
          true AS created, parked FROM created
   UNION ALL
   SELECT ra.request_attempt_id, ra.event_id, ra.application_id, ra.dispatch_round, false, ra.parked_at IS NOT NULL
     FROM request_attempt ra JOIN unnest($6::uuid[], $7::uuid[], $8::smallint[]) AS round (event_id, application_id, dispatch_round)
       ON ra.event_id = round.event_id AND ra.application_id = round.application_id AND ra.dispatch_round = round.dispatch_round
    WHERE ra.event_id = ANY($6::uuid[]) AND ra.retry_count = 0 AND ra.succeeded_at IS NULL AND ra.failed_at IS NULL`,
);

interface FirstAttemptsRequest {
  readonly event: EventKey;
  readonly dispatchRound: number;
  readonly attempts: readonly NewFirstAttempt[];
}

/** Fan-out: what events are and who may want them in one statement, their first attempts in another; calls made together share them. */
export class DispatchRepository {
  private readonly loads = new MicroBatcher((keys: EventKey[]) => this.loadAll(keys), STATEMENT_BATCHING);
  private readonly creations = new MicroBatcher((requests: FirstAttemptsRequest[]) => this.createAll(requests), {
    ...STATEMENT_BATCHING,
    key: (request) => `${eventKeyString(request.event)}:${request.dispatchRound}`,
  });

  constructor(
    private readonly dataSource: DataSource,
    /** A subscription's max_in_flight when it sets none. */
    private readonly defaultMaxInFlight: number,
  ) {}

  load(key: EventKey): Promise<DispatchInput | null> {
    return this.loads.submit(key);
  }

  /**
   * The applications holding an event with this id whose rounds reached `dispatchRound`: what a dispatch message
   * without an application (published before event ids were scoped per application) may mean.
   */
  async applicationsOf(eventId: string, dispatchRound: number): Promise<string[]> {
    const rows: { application_id: string }[] = await this.dataSource.query(
      'SELECT application_id FROM event WHERE event_id = $1 AND dispatch_round >= $2 ORDER BY application_id',
      [eventId, dispatchRound],
    );
    return rows.map((row) => row.application_id);
  }

  /**
   * Inserts the given first attempts (one already there for (event, subscription, round, retry 0) is left alone),
   * records the round as fanned out, and lists the round's unfinished first attempts, created now or before.
   */
  createFirstAttempts(event: EventKey, dispatchRound: number, attempts: readonly NewFirstAttempt[]): Promise<FirstAttempts> {
    return this.creations.submit({ event, dispatchRound, attempts });
  }

  private async loadAll(keys: EventKey[]): Promise<(DispatchInput | null)[]> {
    const byEvent = new Map<string, DispatchRow[]>();
    for (const row of await LOAD.rows(this.dataSource, [keys.map((k) => k.eventId), keys.map((k) => k.applicationId)])) {
      const rows = byEvent.get(eventKeyString(row));
      if (rows) rows.push(row);
      else byEvent.set(eventKeyString(row), [row]);
    }
    return keys.map((key) => toDispatchInput(byEvent.get(eventKeyString(key))));
  }

  private async createAll(requests: FirstAttemptsRequest[]): Promise<FirstAttempts[]> {
    const rows = await CREATE_FIRST_ATTEMPTS.rows(this.dataSource, [...firstAttemptColumns(requests), this.defaultMaxInFlight]);
    return requests.map(({ event, dispatchRound }) => {
      const key = eventKeyString(event);
      const mine = rows.filter((row) => eventKeyString(row) === key && row.dispatchRound === dispatchRound);
      return {
        created: mine.filter((row) => row.created).length,
        pending: mine.filter((row) => !row.parked).map((row) => row.attemptId),
        parked: mine.filter((row) => row.parked).length,
      };
    });
  }
}

function toDispatchInput(rows: DispatchRow[] | undefined): DispatchInput | null {
  if (rows === undefined) return null;
  const { eventId, applicationId, eventTypeName, labels, dispatchRound, applicationDeleted } = rows[0];
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
  return { event: { eventId, applicationId, eventTypeName, labels, dispatchRound, applicationDeleted }, candidates };
}

function firstAttemptColumns(requests: FirstAttemptsRequest[]): unknown[] {
  const rows = requests.flatMap(({ event, dispatchRound, attempts }) =>
    attempts.map((attempt) => ({ ...attempt, eventId: event.eventId, applicationId: event.applicationId, dispatchRound })),
  );
  return [
    rows.map((r) => r.attemptId),
    rows.map((r) => r.eventId),
    rows.map((r) => r.subscriptionId),
    rows.map((r) => r.applicationId),
    rows.map((r) => r.dispatchRound),
    requests.map((r) => r.event.eventId),
    requests.map((r) => r.event.applicationId),
    requests.map((r) => r.dispatchRound),
  ];
}
