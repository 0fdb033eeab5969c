import type { DataSource, EntityManager } from 'typeorm';
import { MAX_DISPATCH_ROUND } from './event-replay.repository';

export interface ReplayBatchOptions {
  /** Re-deliveries per second per application (REPLAY_RATE); up to one second's worth may go at once. */
  readonly ratePerSecond: number;
  /** The most items one batch takes. */
  readonly maxBatch: number;
  /** Gives each new attempt its id. */
  readonly newId: () => string;
}

export interface ScheduledAttempt {
  readonly attemptId: string;
}

export interface ReplayBatch {
  /** False when another dispatcher holds the application's rate row: it is scheduling this application now. */
  readonly locked: boolean;
  readonly scheduled: readonly ScheduledAttempt[];
  /** Items given up: event gone, at its last round or with a dispatch round pending, subscription no longer active. */
  readonly skipped: number;
  /** Replays whose last item this batch took. */
  readonly completed: number;
}

interface Item {
  readonly replay_id: string;
  readonly position: number;
  readonly event_id: string;
  readonly subscription_id: string;
}

/**
 * Schedules replays (docs/api.md "Replays") on the dispatcher's side. One batch per application, in one transaction:
 * the application's rate row is locked (skipped when another dispatcher holds it), its running replays' rows are
 * locked against a concurrent cancel, and the items taken get first attempts on a new dispatch round of their event,
 * for their subscription only. Nothing else is sent that round: it is recorded as fanned out at once.
 */
export class ReplaySchedulerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Applications with a running replay, oldest replay first. */
  async applicationsWithRunningReplays(limit: number): Promise<string[]> {
    const rows: { application_id: string }[] = await this.dataSource.query(
      `SELECT r.application_id FROM replay r JOIN application a ON a.application_id = r.application_id AND a.deleted_at IS NULL
        WHERE r.status = 'running' GROUP BY r.application_id ORDER BY min(r.created_at) LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.application_id);
  }

  scheduleBatch(applicationId: string, options: ReplayBatchOptions): Promise<ReplayBatch> {
    return this.dataSource.transaction((manager) => this.schedule(manager, applicationId, options));
  }

  private async schedule(manager: EntityManager, applicationId: string, options: ReplayBatchOptions): Promise<ReplayBatch> {
    const none = (locked: boolean): ReplayBatch => ({ locked, scheduled: [], skipped: 0, completed: 0 });
    const [rate]: { room: number }[] = await manager.query(
      `SELECT extract(epoch FROM now() + interval '1 second' - greatest(tat, now()))::float8 AS room
         FROM replay_rate WHERE application_id = $1 FOR UPDATE SKIP LOCKED`,
      [applicationId],
    );
    if (rate === undefined) return none(false);
    const budget = Math.min(options.maxBatch, Math.floor(rate.room * options.ratePerSecond));
    if (budget <= 0) return none(true);
    const replays: { replay_id: string }[] = await manager.query(
      `SELECT replay_id FROM replay WHERE application_id = $1 AND status = 'running' ORDER BY replay_id FOR NO KEY UPDATE`,
      [applicationId],
    );
    if (replays.length === 0) return none(true);
    const items: Item[] = await manager.query(
      `SELECT i.replay_id, i.position, i.event_id, i.subscription_id
         FROM replay r JOIN replay_item i ON i.replay_id = r.replay_id AND i.outcome IS NULL
        WHERE r.replay_id = ANY($1::uuid[])
        ORDER BY r.created_at, r.replay_id, i.position
        LIMIT $2`,
      [replays.map((r) => r.replay_id), budget],
    );
    const rounds = await this.nextRounds(manager, applicationId, [...new Set(items.map((item) => item.event_id))]);
    const active = await this.activeSubscriptions(manager, [...new Set(items.map((item) => item.subscription_id))]);
    const go = items.filter((item) => rounds.has(item.event_id) && active.has(item.subscription_id));
    const attemptIds = go.map(() => options.newId());
    await manager.query(
      `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count)
       SELECT id, event_id, subscription_id, $5, dispatch_round, 0
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::smallint[]) AS x (id, event_id, subscription_id, dispatch_round)`,
      [attemptIds, go.map((i) => i.event_id), go.map((i) => i.subscription_id), go.map((i) => rounds.get(i.event_id)), applicationId],
    );
    const scheduled = new Set(go);
    await manager.query(
      `UPDATE replay_item i SET outcome = x.outcome, dispatch_round = x.dispatch_round
         FROM unnest($1::uuid[], $2::int[], $3::text[], $4::smallint[]) AS x (replay_id, position, outcome, dispatch_round)
        WHERE i.replay_id = x.replay_id AND i.position = x.position`,
      [
        items.map((i) => i.replay_id),
        items.map((i) => i.position),
        items.map((i) => (scheduled.has(i) ? 'scheduled' : 'skipped')),
        items.map((i) => (scheduled.has(i) ? rounds.get(i.event_id) : null)),
      ],
    );
    const [{ completed }]: { completed: number }[] = await manager.query(
      `WITH counts AS (
         SELECT x.replay_id, count(*) FILTER (WHERE x.outcome = 'scheduled') AS scheduled, count(*) FILTER (WHERE x.outcome = 'skipped') AS skipped
           FROM unnest($1::uuid[], $2::text[]) AS x (replay_id, outcome) GROUP BY x.replay_id
       ), updated AS (
         UPDATE replay r SET scheduled = r.scheduled + c.scheduled, skipped = r.skipped + c.skipped,
                status = CASE WHEN r.scheduled + c.scheduled + r.skipped + c.skipped >= r.matched THEN 'completed' ELSE r.status END,
                finished_at = CASE WHEN r.scheduled + c.scheduled + r.skipped + c.skipped >= r.matched THEN now() END
           FROM counts c WHERE r.replay_id = c.replay_id
         RETURNING r.status
       ), rate AS (
         UPDATE replay_rate SET tat = greatest(tat, now()) + $4 / $5::float8 * interval '1 second' WHERE application_id = $3
       )
       SELECT count(*) FILTER (WHERE status = 'completed')::int AS completed FROM updated`,
      [
        items.map((i) => i.replay_id),
        items.map((i) => (scheduled.has(i) ? 'scheduled' : 'skipped')),
        applicationId,
        go.length,
        options.ratePerSecond,
      ],
    );
    return { locked: true, scheduled: attemptIds.map((attemptId) => ({ attemptId })), skipped: items.length - go.length, completed };
  }

  /**
   * Moves each event that can take one to a new dispatch round, recorded as fanned out already (the replay writes
   * its attempts itself). An event with a round still to fan out is left alone: that round delivers it anyway.
   */
  private async nextRounds(manager: EntityManager, applicationId: string, eventIds: string[]): Promise<Map<string, number>> {
    if (eventIds.length === 0) return new Map();
    // An UPDATE resolves [rows, affected count] through typeorm.
    const [rows]: [{ event_id: string; dispatch_round: number }[], number] = await manager.query(
      `WITH locked AS (
         SELECT event_id FROM event
          WHERE application_id = $1 AND event_id = ANY($2::uuid[])
            AND dispatched_round IS NOT DISTINCT FROM dispatch_round AND dispatch_round < ${MAX_DISPATCH_ROUND}
          ORDER BY event_id FOR NO KEY UPDATE
       )
       UPDATE event e SET dispatch_round = e.dispatch_round + 1, dispatched_round = e.dispatch_round + 1
         FROM locked WHERE e.application_id = $1 AND e.event_id = locked.event_id
       RETURNING e.event_id, e.dispatch_round`,
      [applicationId, eventIds],
    );
    return new Map(rows.map((row) => [row.event_id, row.dispatch_round]));
  }

  private async activeSubscriptions(manager: EntityManager, subscriptionIds: string[]): Promise<Set<string>> {
    if (subscriptionIds.length === 0) return new Set();
    const rows: { subscription_id: string }[] = await manager.query(
      `SELECT subscription_id FROM subscription WHERE subscription_id = ANY($1::uuid[]) AND is_enabled AND deleted_at IS NULL`,
      [subscriptionIds],
    );
    return new Set(rows.map((row) => row.subscription_id));
  }
}
