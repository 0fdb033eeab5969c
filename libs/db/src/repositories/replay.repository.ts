import type { DataSource } from 'typeorm';
import { UTC_DAY } from './quota-usage.repository';

/** Which (event, subscription) pairs a replay takes, by their attempts (docs/api.md "Replays"). */
export type ReplayAttemptStatus = 'failed' | 'exhausted' | 'any';

export interface ReplayQuery {
  readonly applicationId: string;
  /** Events received in [from, to), RFC 3339 text. */
  readonly from: string;
  readonly to: string;
  readonly subscriptionIds?: readonly string[];
  readonly eventTypes?: readonly string[];
  readonly status: ReplayAttemptStatus;
}

export interface ReplayMatch {
  /** (event, subscription) pairs: the deliveries the replay would make. */
  readonly matched: number;
  /** Distinct events among them: what counts against the events-per-day quota. */
  readonly events: number;
}

export type ReplayState = 'running' | 'completed' | 'cancelled';

export interface ReplayRow {
  readonly replayId: string;
  readonly applicationId: string;
  readonly status: ReplayState;
  readonly attemptStatus: ReplayAttemptStatus;
  readonly from: string;
  readonly to: string;
  readonly subscriptionIds: string[] | null;
  readonly eventTypes: string[] | null;
  readonly matched: number;
  readonly events: number;
  readonly scheduled: number;
  readonly skipped: number;
  readonly delivered: number;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

const rfc3339 = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The pair's latest attempt, or latest finished attempt: the last created (a retry is created when the attempt before
 * it fails; a manual retry takes a round below zero, so rounds alone do not order attempts in time).
 */
const latestAttempt = (finishedOnly: boolean) => `
  SELECT ra.failed_at FROM request_attempt ra
   WHERE ra.event_id = e.event_id AND ra.subscription_id = s.subscription_id
     ${finishedOnly ? 'AND (ra.succeeded_at IS NOT NULL OR ra.failed_at IS NOT NULL)' : ''}
   ORDER BY ra.created_at DESC, ra.retry_count DESC LIMIT 1`;

const STATUS_CONDITION: Record<ReplayAttemptStatus, string> = {
  any: 'true',
  failed: `(${latestAttempt(true)}) IS NOT NULL`,
  exhausted: `(${latestAttempt(false)}) IS NOT NULL`,
};

/**
 * The pairs of a query, in the order a replay schedules them (events as received, then subscriptions): events of the
 * application received in the window, of the given types, with each live, enabled subscription (of the given ids)
 * matching them now (event type and labels, as fan-out decides), filtered by the pair's attempts.
 * Binds $1 application, $2 from, $3 to, $4 subscription ids or null, $5 event types or null.
 */
function pairsOf(status: ReplayAttemptStatus): string {
  return `
    SELECT e.event_id, s.subscription_id, e.received_at
      FROM event e
      JOIN subscription s ON s.application_id = e.application_id AND s.is_enabled AND s.deleted_at IS NULL
                         AND s.event_types @> ARRAY[e.event_type_name] AND e.labels @> s.labels
     WHERE e.application_id = $1 AND e.received_at >= $2::timestamptz AND e.received_at < $3::timestamptz
       AND ($4::uuid[] IS NULL OR s.subscription_id = ANY($4::uuid[]))
       AND ($5::text[] IS NULL OR e.event_type_name = ANY($5::text[]))
       AND ${STATUS_CONDITION[status]}`;
}

const SELECT_REPLAY = `
  SELECT r.replay_id AS "replayId", r.application_id AS "applicationId", r.status, r.attempt_status AS "attemptStatus",
         ${rfc3339('r.from_at')} AS "from", ${rfc3339('r.to_at')} AS "to", r.subscription_ids AS "subscriptionIds",
         r.event_types AS "eventTypes", r.matched, r.events, r.scheduled, r.skipped,
         (SELECT count(*)::int FROM replay_item i
           WHERE i.replay_id = r.replay_id AND i.outcome = 'scheduled'
             AND EXISTS (SELECT 1 FROM request_attempt ra
                          WHERE ra.event_id = i.event_id AND ra.subscription_id = i.subscription_id
                            AND ra.dispatch_round = i.dispatch_round AND ra.succeeded_at IS NOT NULL)) AS delivered,
         ${rfc3339('r.created_at')} AS "createdAt", ${rfc3339('r.finished_at')} AS "finishedAt"
    FROM replay r`;

/** Replays by query, on the API's side: counting, creating, reading and cancelling them. The dispatcher schedules them. */
export class ReplayRepository {
  constructor(private readonly dataSource: DataSource) {}

  async count(query: ReplayQuery): Promise<ReplayMatch> {
    const [row]: { matched: number; events: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS matched, count(DISTINCT event_id)::int AS events FROM (${pairsOf(query.status)}) pairs`,
      values(query),
    );
    return row;
  }

  /**
   * Creates the replay with its items (the pairs matching now, at most `maxItems` + 1 of them) in one transaction, and
   * asks `admit` whether to keep it once their number is known: `admit` throws to refuse, and nothing is kept. Admitted,
   * its events are counted as replayed today and the application's rate row is created for the dispatchers to lock.
   */
  async create(replayId: string, query: ReplayQuery, maxItems: number, admit: (match: ReplayMatch) => Promise<void>): Promise<ReplayRow> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO replay (replay_id, application_id, status, attempt_status, from_at, to_at, subscription_ids, event_types, matched, events)
         VALUES ($6, $1, 'running', $7, $2::timestamptz, $3::timestamptz, $4::uuid[], $5::text[], 0, 0)`,
        [...values(query), replayId, query.status],
      );
      await manager.query(
        `INSERT INTO replay_item (replay_id, position, event_id, subscription_id)
         SELECT $6, row_number() OVER (ORDER BY received_at, event_id, subscription_id), event_id, subscription_id
           FROM (${pairsOf(query.status)} ORDER BY e.received_at, e.event_id, s.subscription_id LIMIT $7) pairs`,
        [...values(query), replayId, maxItems + 1],
      );
      const [match]: ReplayMatch[] = await manager.query(
        `SELECT count(*)::int AS matched, count(DISTINCT event_id)::int AS events FROM replay_item WHERE replay_id = $1`,
        [replayId],
      );
      await admit(match);
      await manager.query(
        `WITH replay AS (
           UPDATE replay SET matched = $3, events = $4,
                  status = CASE WHEN $3 = 0 THEN 'completed' ELSE 'running' END, finished_at = CASE WHEN $3 = 0 THEN now() END
            WHERE replay_id = $1
         ), rate AS (
           INSERT INTO replay_rate (application_id, tat) VALUES ($2, now()) ON CONFLICT (application_id) DO NOTHING
         )
         INSERT INTO replayed_events_per_day AS d (application_id, day, amount)
         SELECT $2, ${UTC_DAY}, $4::int WHERE $4::int > 0
         ON CONFLICT (application_id, day) DO UPDATE SET amount = d.amount + excluded.amount`,
        [replayId, query.applicationId, match.matched, match.events],
      );
    });
    return (await this.find(query.applicationId, replayId))!;
  }

  async find(applicationId: string, replayId: string): Promise<ReplayRow | null> {
    const rows: ReplayRow[] = await this.dataSource.query(`${SELECT_REPLAY} WHERE r.replay_id = $1 AND r.application_id = $2`, [
      replayId,
      applicationId,
    ]);
    return rows[0] ?? null;
  }

  /**
   * Stops a running replay: nothing more is scheduled (a dispatcher scheduling it holds its row, so this waits for
   * that batch). Resolves the replay as it is after, or null if it does not exist.
   */
  async cancel(applicationId: string, replayId: string): Promise<ReplayRow | null> {
    await this.dataSource.query(
      `UPDATE replay SET status = 'cancelled', finished_at = now() WHERE replay_id = $1 AND application_id = $2 AND status = 'running'`,
      [replayId, applicationId],
    );
    return this.find(applicationId, replayId);
  }
}

function values(query: ReplayQuery): unknown[] {
  const list = <T>(items: readonly T[] | undefined) => (items === undefined || items.length === 0 ? null : items);
  return [query.applicationId, query.from, query.to, list(query.subscriptionIds), list(query.eventTypes)];
}
