import type { DataSource } from 'typeorm';

export interface OutboxRow {
  readonly outboxId: string;
  readonly applicationId: string;
  readonly eventId: string;
  readonly dispatchRound: number;
  /**
   * Set when the row announces one attempt (a retried attempt, a test delivery) rather than dispatching the event's
   * round: the relay publishes that attempt's deliver message.
   */
  readonly requestAttemptId: string | null;
  /** The trace the row was written in, to continue when publishing it; null outside a trace. */
  readonly traceParent: string | null;
}

export interface OutboxBacklog {
  /** Rows waiting, counted up to the cap asked for. */
  readonly rows: number;
  /** Age of the oldest waiting row; 0 when none waits. */
  readonly oldestAgeSeconds: number;
}

interface LockedRow {
  readonly outbox_id: string;
  readonly application_id: string;
  readonly event_id: string;
  readonly dispatch_round: number;
  readonly request_attempt_id: string | null;
  readonly trace_parent: string | null;
}

export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks up to `limit` outbox rows no other relay holds, runs `publish` on them and deletes them,
   * all in one transaction: if `publish` throws or the process dies, the rows stay for the next pass.
   * Returns how many rows were published.
   */
  async publishBatch(limit: number, publish: (rows: OutboxRow[]) => Promise<void>): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const locked: LockedRow[] = await manager.query(
        `SELECT outbox_id, application_id, event_id, dispatch_round, request_attempt_id, trace_parent
           FROM event_outbox ORDER BY outbox_id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (locked.length === 0) return 0;
      await publish(
        locked.map((row) => ({
          outboxId: row.outbox_id,
          applicationId: row.application_id,
          eventId: row.event_id,
          dispatchRound: row.dispatch_round,
          requestAttemptId: row.request_attempt_id,
          traceParent: row.trace_parent,
        })),
      );
      await manager.query(`DELETE FROM event_outbox WHERE outbox_id = ANY($1::bigint[])`, [locked.map((row) => row.outbox_id)]);
      return locked.length;
    });
  }

  /**
   * Rows waiting, counted up to `cap` so that a huge backlog costs no more than the cap, and the age of the oldest,
   * the row with the lowest id (ids grow with time), found through the primary key.
   */
  async backlog(cap: number): Promise<OutboxBacklog> {
    const [row]: { rows: string; oldest_age_seconds: string }[] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM event_outbox LIMIT $1) AS waiting) AS rows,
              COALESCE((SELECT GREATEST(extract(epoch FROM now() - created_at), 0) FROM event_outbox ORDER BY outbox_id LIMIT 1), 0) AS oldest_age_seconds`,
      [cap],
    );
    return { rows: Number(row.rows), oldestAgeSeconds: Number(row.oldest_age_seconds) };
  }
}
