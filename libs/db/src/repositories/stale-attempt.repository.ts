import type { DataSource } from 'typeorm';

export interface StaleAttempt {
  readonly attemptId: string;
  readonly dueAt: Date;
}

export class StaleAttemptRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Pending attempts nobody holds that were due more than `staleAfterMs` ago and were not re-published within
   * that time either: their message was lost (a purged queue, a broker that lost it). Marks them as
   * reconciled in the same statement, so several dispatchers never re-publish the same one twice.
   */
  async claimStale(staleAfterMs: number, limit: number): Promise<StaleAttempt[]> {
    const [rows]: [{ attempt_id: string; due_at: Date }[], number] = await this.dataSource.query(
      `WITH stale AS (
         SELECT request_attempt_id FROM request_attempt
          WHERE succeeded_at IS NULL AND failed_at IS NULL
            AND (lease_expires_at IS NULL OR lease_expires_at < now())
            AND coalesce(delay_until, created_at) < now() - $1 * interval '1 millisecond'
            AND (reconciled_at IS NULL OR reconciled_at < now() - $1 * interval '1 millisecond')
          ORDER BY created_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED
       )
       UPDATE request_attempt ra SET reconciled_at = now()
         FROM stale WHERE ra.request_attempt_id = stale.request_attempt_id
       RETURNING ra.request_attempt_id AS attempt_id, coalesce(ra.delay_until, ra.created_at) AS due_at`,
      [staleAfterMs, limit],
    );
    return rows.map((row) => ({ attemptId: row.attempt_id, dueAt: row.due_at }));
  }
}
