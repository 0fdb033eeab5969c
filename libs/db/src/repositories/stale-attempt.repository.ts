import type { DataSource } from 'typeorm';

export interface StaleAttempt {
  readonly attemptId: string;
  readonly dueAt: Date;
}

interface StaleRow {
  readonly attempt_id: string;
  readonly due_at: Date;
}

const toStale = (rows: StaleRow[]): StaleAttempt[] => rows.map((row) => ({ attemptId: row.attempt_id, dueAt: row.due_at }));

/**
 * Attempts whose announcement went missing, found for the reconciler. Each query marks what it returns
 * (`reconciled_at`) in the same statement and skips rows another dispatcher is marking, so several dispatchers
 * never announce the same attempt twice in one round.
 */
export class StaleAttemptRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Pending attempts nobody holds that were due more than `staleAfterMs` ago and were not re-published within
   * that time either: their message was lost (a purged queue, a broker that lost it). Parked attempts have no
   * message by design and are left to `claimStrandedParked`.
   */
  async claimStale(staleAfterMs: number, limit: number): Promise<StaleAttempt[]> {
    const [rows]: [StaleRow[], number] = await this.dataSource.query(
      `WITH stale AS (
         SELECT request_attempt_id FROM request_attempt
          WHERE succeeded_at IS NULL AND failed_at IS NULL AND parked_at IS NULL
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
    return toStale(rows);
  }

  /**
   * Pending attempts whose lease expired more than `graceMs` ago and that were not announced since: the
   * dispatcher holding them died or lost its database mid-delivery (a claimed delivery's message is already acked).
   */
  async claimExpiredLeases(graceMs: number, limit: number): Promise<StaleAttempt[]> {
    const [rows]: [StaleRow[], number] = await this.dataSource.query(
      `WITH expired AS (
         SELECT request_attempt_id FROM request_attempt
          WHERE lease_expires_at IS NOT NULL AND succeeded_at IS NULL AND failed_at IS NULL
            AND lease_expires_at < now() - $1 * interval '1 millisecond'
            AND (reconciled_at IS NULL OR reconciled_at < lease_expires_at)
          ORDER BY lease_expires_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED
       )
       UPDATE request_attempt ra SET reconciled_at = now()
         FROM expired WHERE ra.request_attempt_id = expired.request_attempt_id
       RETURNING ra.request_attempt_id AS attempt_id, now() AS due_at`,
      [graceMs, limit],
    );
    return toStale(rows);
  }

  /**
   * Parked attempts (parked more than `graceMs` ago) of subscriptions that have room again but no completion left
   * to pull them: the dispatcher that freed the room died before pulling, or freed it while they were being parked.
   * They are unparked and returned to be announced, oldest first, no more per subscription than its room.
   */
  async claimStrandedParked(graceMs: number, defaultMaxInFlight: number, limit: number): Promise<StaleAttempt[]> {
    const [rows]: [StaleRow[], number] = await this.dataSource.query(
      `WITH waiting AS (
         SELECT DISTINCT subscription_id FROM request_attempt
          WHERE parked_at IS NOT NULL AND succeeded_at IS NULL AND failed_at IS NULL
            AND parked_at < now() - $1 * interval '1 millisecond'
       ), room AS (
         SELECT s.subscription_id,
                coalesce(s.max_in_flight, $2)
                  - (SELECT count(*) FROM request_attempt h
                      WHERE h.subscription_id = s.subscription_id AND h.lease_expires_at > now()
                        AND h.succeeded_at IS NULL AND h.failed_at IS NULL) AS free
           FROM subscription s JOIN waiting USING (subscription_id)
       ), stranded AS (
         SELECT p.request_attempt_id FROM room
          CROSS JOIN LATERAL (
            SELECT ra.request_attempt_id FROM request_attempt ra
             WHERE ra.subscription_id = room.subscription_id AND ra.parked_at IS NOT NULL
               AND ra.succeeded_at IS NULL AND ra.failed_at IS NULL
             ORDER BY ra.request_attempt_id
             LIMIT greatest(room.free, 0)
             FOR UPDATE OF ra SKIP LOCKED
          ) AS p
          LIMIT $3
       )
       UPDATE request_attempt ra SET parked_at = NULL, reconciled_at = now()
         FROM stranded WHERE ra.request_attempt_id = stranded.request_attempt_id
       RETURNING ra.request_attempt_id AS attempt_id, now() AS due_at`,
      [graceMs, defaultMaxInFlight, limit],
    );
    return toStale(rows);
  }
}
