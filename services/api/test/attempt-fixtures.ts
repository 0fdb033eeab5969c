import { randomUUID } from 'node:crypto';
import type { DatabaseProbe } from './database-probe';

export interface AttemptFixtureOptions {
  readonly applicationId: string;
  readonly eventId: string;
  readonly subscriptionId: string;
  readonly requestAttemptId?: string;
  readonly retryCount?: number;
  readonly dispatchRound?: number;
  /** SQL-parsable timestamps (RFC 3339 text keeps microseconds). */
  readonly createdAt?: string;
  readonly delayUntil?: string | null;
  readonly pickedAt?: string | null;
  readonly succeededAt?: string | null;
  readonly failedAt?: string | null;
  readonly responseId?: string | null;
}

/** A request attempt written directly, as the dispatcher would. */
export async function insertAttempt(probe: DatabaseProbe, options: AttemptFixtureOptions): Promise<string> {
  const id = options.requestAttemptId ?? randomUUID();
  await probe.query(
    `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count,
                                  created_at, delay_until, picked_at, succeeded_at, failed_at, response_id)
     VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, clock_timestamp()), $8, $9, $10, $11, $12)`,
    [
      id,
      options.eventId,
      options.subscriptionId,
      options.applicationId,
      options.dispatchRound ?? 0,
      options.retryCount ?? 0,
      options.createdAt ?? null,
      options.delayUntil ?? null,
      options.pickedAt ?? null,
      options.succeededAt ?? null,
      options.failedAt ?? null,
      options.responseId ?? null,
    ],
  );
  return id;
}

export interface ResponseFixtureOptions {
  readonly applicationId: string;
  readonly errorName?: string | null;
  readonly httpCode?: number | null;
  readonly headers?: Record<string, string> | null;
  readonly body?: string | null;
  readonly elapsedTimeMs?: number;
}

export async function insertResponse(probe: DatabaseProbe, options: ResponseFixtureOptions): Promise<string> {
  const id = randomUUID();
  await probe.query(
    `INSERT INTO response (response_id, application_id, response_error_name, http_code, headers, body, elapsed_time_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      id,
      options.applicationId,
      options.errorName ?? null,
      options.httpCode ?? null,
      options.headers === undefined || options.headers === null ? null : JSON.stringify(options.headers),
      options.body ?? null,
      options.elapsedTimeMs ?? 0,
    ],
  );
  return id;
}
