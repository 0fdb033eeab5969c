import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createEvent, createSubscription } from '@hook0/testing';
import { NOW, TYPE } from './housekeeping-world';

export interface EventArrangement {
  readonly daysOld: number;
  /** A client-chosen id; default a random one. */
  readonly eventId?: string;
  /** Fanned out (dispatched_round caught up); default true. */
  readonly dispatched?: boolean;
  readonly outboxRow?: boolean;
  /** One attempt per entry, each with a response unless pending. */
  readonly attempts?: readonly ('succeeded' | 'failed' | 'pending')[];
}

/** An event received `daysOld` days before NOW, with what the dispatcher would have written for it. */
export async function arrangeEvent(pool: Pool, applicationId: string, arrangement: EventArrangement): Promise<string> {
  const { eventId } = await createEvent(pool, applicationId, { eventTypeName: TYPE, eventId: arrangement.eventId });
  await pool.query(
    `UPDATE event SET received_at = $3::timestamptz - $4 * interval '1 day', dispatched_round = CASE WHEN $5 THEN dispatch_round END
      WHERE event_id = $1 AND application_id = $2`,
    [eventId, applicationId, NOW, arrangement.daysOld, arrangement.dispatched ?? true],
  );
  if (arrangement.outboxRow) {
    await pool.query('INSERT INTO event_outbox (event_id, application_id, dispatch_round) VALUES ($1, $2, 0)', [eventId, applicationId]);
  }
  const attempts = arrangement.attempts ?? [];
  if (attempts.length === 0) return eventId;
  const { subscriptionId } = await createSubscription(pool, applicationId, { url: 'http://127.0.0.1:9/hook', eventTypes: [TYPE] });
  for (const [retry, status] of attempts.entries()) {
    const responseId = status === 'pending' ? null : await insertResponse(pool, applicationId);
    await pool.query(
      `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count, succeeded_at, failed_at, response_id)
       VALUES ($1, $2, $3, $4, 0, $5, $6, $7, $8)`,
      [
        randomUUID(),
        eventId,
        subscriptionId,
        applicationId,
        retry,
        status === 'succeeded' ? NOW : null,
        status === 'failed' ? NOW : null,
        responseId,
      ],
    );
  }
  return eventId;
}

async function insertResponse(pool: Pool, applicationId: string): Promise<string> {
  const responseId = randomUUID();
  await pool.query(`INSERT INTO response (response_id, application_id, http_code, elapsed_time_ms) VALUES ($1, $2, 200, 5)`, [
    responseId,
    applicationId,
  ]);
  return responseId;
}

/** Rows per table for the given application ids, to see exactly what a pass removed. */
export async function rowCounts(pool: Pool, applicationIds: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['application', 'event', 'request_attempt', 'response', 'subscription', 'event_type', 'event_outbox']) {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE application_id = ANY($1)`, [
      applicationIds,
    ]);
    counts[table] = rows[0].n;
  }
  return counts;
}

export async function remainingEvents(pool: Pool, eventIds: readonly string[]): Promise<string[]> {
  const { rows } = await pool.query<{ event_id: string }>('SELECT event_id FROM event WHERE event_id = ANY($1)', [eventIds]);
  return rows.map((row) => row.event_id).sort();
}

/** A user with one session holding an access and a refresh token expiring `expiredDaysAgo` days before NOW. */
export async function arrangeSession(pool: Pool, expiredDaysAgo: number): Promise<{ sessionId: string; tokenIds: string[] }> {
  const userId = randomUUID();
  const sessionId = randomUUID();
  await pool.query(`INSERT INTO app_user (user_id, email, first_name, last_name, password_hash) VALUES ($1, $2, 'A', 'B', 'x')`, [
    userId,
    `${userId}@example.test`,
  ]);
  await pool.query(
    `INSERT INTO user_session (session_id, user_id, created_at) VALUES ($1, $2, $3::timestamptz - $4 * interval '1 day' - interval '1 hour')`,
    [sessionId, userId, NOW, expiredDaysAgo],
  );
  const tokenIds = [randomUUID(), randomUUID()];
  for (const [index, kind] of (['access', 'refresh'] as const).entries()) {
    await pool.query(
      `INSERT INTO user_token (token_id, token_hash, session_id, kind, expires_at) VALUES ($1, $2, $3, $4, $5::timestamptz - $6 * interval '1 day')`,
      [tokenIds[index], randomBytes(32), sessionId, kind, NOW, expiredDaysAgo],
    );
  }
  return { sessionId, tokenIds };
}
