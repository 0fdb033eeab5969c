import type { DataSource } from 'typeorm';
import { MicroBatcher } from '../micro-batcher';
import { PreparedStatement } from '../prepared-statement';
import { STATEMENT_BATCHING } from './statement-batching';

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
      /** Attempts of the same subscription are parked, waiting for the room this completion freed. */
      readonly parkedWaiting: boolean;
    };

interface CompletionRow {
  readonly attemptId: string;
  readonly subscriptionActive: boolean;
  readonly successorId: string | null;
  readonly successorDelayUntil: Date | null;
  readonly parkedWaiting: boolean;
}

/**
 * One statement, so one transaction and one round trip for many completions: an attempt is completed only while
 * its worker still holds it pending (rows locked in id order, so concurrent batches cannot deadlock); its response
 * and successor are written only if it was. Attempts are also matched against the id array itself, which the planner
 * turns into a primary-key lookup whatever it estimates of the table (docs/benchmarks.md).
 */
const COMPLETE = new PreparedStatement<CompletionRow>(
  'hook0_complete_attempts',
  `WITH input AS (
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::text[], $8::text[],
                          $9::int[], $10::bool[], $11::uuid[], $12::bigint[])
              AS i (attempt_id, worker_name, response_id, application_id, error_name, http_code, headers, body,
                    elapsed_ms, succeeded, successor_id, delay_ms)
   ), held AS (
     SELECT ra.request_attempt_id FROM request_attempt AS ra JOIN input AS i ON i.attempt_id = ra.request_attempt_id
      WHERE ra.request_attempt_id = ANY($1::uuid[])
        AND ra.worker_name = i.worker_name AND ra.succeeded_at IS NULL AND ra.failed_at IS NULL
      ORDER BY ra.request_attempt_id
        FOR UPDATE OF ra
   ), completed AS (
     UPDATE request_attempt AS ra
        SET succeeded_at = CASE WHEN i.succeeded THEN now() END, failed_at = CASE WHEN i.succeeded THEN NULL ELSE now() END,
            response_id = i.response_id, lease_expires_at = NULL
       FROM held AS h, input AS i, subscription AS s, application AS a
      WHERE ra.request_attempt_id = ANY($1::uuid[]) AND ra.request_attempt_id = h.request_attempt_id
        AND i.attempt_id = ra.request_attempt_id
        AND s.subscription_id = ra.subscription_id AND a.application_id = ra.application_id
     RETURNING ra.request_attempt_id AS attempt_id, ra.event_id, ra.subscription_id, ra.application_id, ra.dispatch_round,
               ra.retry_count, (s.is_enabled AND s.deleted_at IS NULL AND a.deleted_at IS NULL) AS active
   ), recorded AS (
     INSERT INTO response (response_id, application_id, response_error_name, http_code, headers, body, elapsed_time_ms)
     SELECT i.response_id, i.application_id, i.error_name, i.http_code, i.headers::jsonb, i.body, i.elapsed_ms
       FROM completed AS c JOIN input AS i USING (attempt_id)
   ), successor AS (
     INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count, created_at, delay_until)
     SELECT i.successor_id, c.event_id, c.subscription_id, c.application_id, c.dispatch_round, c.retry_count + 1, now(),
            now() + i.delay_ms * interval '1 millisecond'
       FROM completed AS c JOIN input AS i USING (attempt_id)
      WHERE c.active AND i.successor_id IS NOT NULL
     ON CONFLICT ON CONSTRAINT request_attempt_once DO NOTHING
     RETURNING request_attempt_id, event_id, subscription_id, dispatch_round, retry_count, delay_until
   )
   SELECT c.attempt_id AS "attemptId", c.active AS "subscriptionActive",
          n.request_attempt_id AS "successorId", n.delay_until AS "successorDelayUntil",
          EXISTS (SELECT 1 FROM request_attempt AS p
                   WHERE p.subscription_id = c.subscription_id AND p.parked_at IS NOT NULL
                     AND p.succeeded_at IS NULL AND p.failed_at IS NULL) AS "parkedWaiting"
     FROM completed AS c
     LEFT JOIN successor AS n ON n.event_id = c.event_id AND n.subscription_id = c.subscription_id
                             AND n.dispatch_round = c.dispatch_round AND n.retry_count = c.retry_count + 1`,
);

/** Records attempts' outcomes, responses and successors; completions made together share one statement. */
export class AttemptCompletionRepository {
  private readonly completions = new MicroBatcher((requests: CompletionRequest[]) => this.completeAll(requests), {
    ...STATEMENT_BATCHING,
    key: (request) => request.attemptId,
  });

  constructor(private readonly dataSource: DataSource) {}

  complete(request: CompletionRequest): Promise<CompletionResult> {
    return this.completions.submit(request);
  }

  private async completeAll(requests: CompletionRequest[]): Promise<CompletionResult[]> {
    const rows = new Map((await COMPLETE.rows(this.dataSource, columns(requests))).map((row) => [row.attemptId, row]));
    return requests.map((request) => toResult(rows.get(request.attemptId)));
  }
}

function columns(requests: CompletionRequest[]): unknown[] {
  const retryOf = (r: CompletionRequest) => (r.succeeded ? null : r.retry);
  return [
    requests.map((r) => r.attemptId),
    requests.map((r) => r.workerName),
    requests.map((r) => r.response.responseId),
    requests.map((r) => r.applicationId),
    requests.map((r) => r.response.errorName),
    requests.map((r) => r.response.httpCode),
    requests.map((r) => (r.response.headers === null ? null : JSON.stringify(r.response.headers))),
    requests.map((r) => r.response.body),
    requests.map((r) => r.response.elapsedMs),
    requests.map((r) => r.succeeded),
    requests.map((r) => retryOf(r)?.successorId ?? null),
    requests.map((r) => retryOf(r)?.delayMs ?? null),
  ];
}

function toResult(row: CompletionRow | undefined): CompletionResult {
  if (row === undefined) return { completed: false };
  const { subscriptionActive, successorId, successorDelayUntil, parkedWaiting } = row;
  const successor =
    successorId === null || successorDelayUntil === null ? null : { attemptId: successorId, delayUntil: successorDelayUntil };
  return { completed: true, subscriptionActive, successor, parkedWaiting };
}
