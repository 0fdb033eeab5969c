import type { DataSource } from 'typeorm';
import { PreparedStatement } from '../prepared-statement';

export interface RecordedResponse {
  readonly responseId: string;
  readonly errorName: string | null;
  readonly httpCode: number | null;
  readonly headers: Record<string, string> | null;
  readonly body: string | null;
  readonly elapsedMs: number;
}

export interface CompletionRequest {
  readonly attemptId: string;
  readonly applicationId: string;
  readonly workerName: string;
  readonly succeeded: boolean;
  readonly response: RecordedResponse;
  /** On failure: the successor to schedule, or null when the delivery gives up. */
  readonly retry: { readonly successorId: string; readonly delayMs: number } | null;
}

export type CompletionResult =
  | { readonly completed: false }
  | {
      readonly completed: true;
      /** Subscription enabled, not deleted, application not deleted, as seen when completing. */
      readonly subscriptionActive: boolean;
      readonly successor: { readonly attemptId: string; readonly delayUntil: Date } | null;
    };

interface CompletionRow {
  readonly subscriptionActive: boolean;
  readonly successorId: string | null;
  readonly successorDelayUntil: Date | null;
}

/**
 * One statement, so one transaction and one round trip: the attempt is completed only while this worker
 * still holds it pending; the response and the successor are written only if it was.
 */
const COMPLETE = new PreparedStatement<CompletionRow>(
  'hook0_complete_attempt',
  `WITH completed AS (
     UPDATE request_attempt AS ra
        SET succeeded_at = CASE WHEN $10 THEN now() END, failed_at = CASE WHEN $10 THEN NULL ELSE now() END,
            response_id = $3, lease_expires_at = NULL
       FROM subscription AS s, application AS a
      WHERE ra.request_attempt_id = $1 AND ra.worker_name = $2 AND ra.succeeded_at IS NULL AND ra.failed_at IS NULL
        AND s.subscription_id = ra.subscription_id AND a.application_id = ra.application_id
     RETURNING ra.event_id, ra.subscription_id, ra.application_id, ra.dispatch_round, ra.retry_count,
               (s.is_enabled AND s.deleted_at IS NULL AND a.deleted_at IS NULL) AS active
   ), recorded AS (
     INSERT INTO response (response_id, application_id, response_error_name, http_code, headers, body, elapsed_time_ms)
     SELECT $3, $4, $5, $6, $7, $8, $9 FROM completed
   ), successor AS (
     INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count, created_at, delay_until)
     SELECT $11, event_id, subscription_id, application_id, dispatch_round, retry_count + 1, now(), now() + $12 * interval '1 millisecond'
       FROM completed WHERE active AND $11::uuid IS NOT NULL
     ON CONFLICT ON CONSTRAINT request_attempt_once DO NOTHING
     RETURNING request_attempt_id, delay_until
   )
   SELECT c.active AS "subscriptionActive", n.request_attempt_id AS "successorId", n.delay_until AS "successorDelayUntil"
     FROM completed AS c LEFT JOIN successor AS n ON true`,
);

/** Records an attempt's outcome, its response and its successor atomically. */
export class AttemptCompletionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async complete(request: CompletionRequest): Promise<CompletionResult> {
    const { response } = request;
    const retry = request.succeeded ? null : request.retry;
    const rows = await COMPLETE.rows(this.dataSource, [
      request.attemptId,
      request.workerName,
      response.responseId,
      request.applicationId,
      response.errorName,
      response.httpCode,
      response.headers === null ? null : JSON.stringify(response.headers),
      response.body,
      response.elapsedMs,
      request.succeeded,
      retry?.successorId ?? null,
      retry?.delayMs ?? null,
    ]);
    if (rows.length === 0) return { completed: false };
    const [{ subscriptionActive, successorId, successorDelayUntil }] = rows;
    const successor = successorId === null || successorDelayUntil === null ? null : { attemptId: successorId, delayUntil: successorDelayUntil };
    return { completed: true, subscriptionActive, successor };
  }
}
