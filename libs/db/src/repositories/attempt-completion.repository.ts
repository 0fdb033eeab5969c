import type { DataSource, QueryRunner } from 'typeorm';

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

/** Records an attempt's outcome, its response and its successor in one transaction. */
export class AttemptCompletionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async complete(request: CompletionRequest): Promise<CompletionResult> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const result = await this.completeIn(runner, request);
      if (result.completed) await runner.commitTransaction();
      else await runner.rollbackTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async completeIn(runner: QueryRunner, request: CompletionRequest): Promise<CompletionResult> {
    const { response } = request;
    await runner.query(
      `INSERT INTO response (response_id, application_id, response_error_name, http_code, headers, body, elapsed_time_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [response.responseId, request.applicationId, response.errorName, response.httpCode, response.headers === null ? null : JSON.stringify(response.headers), response.body, response.elapsedMs],
    );
    const outcomeColumn = request.succeeded ? 'succeeded_at' : 'failed_at';
    const [updated]: [{ subscriptionActive: boolean }[], number] = await runner.query(
      `UPDATE request_attempt AS ra SET ${outcomeColumn} = now(), response_id = $3, lease_expires_at = NULL
         FROM subscription AS s, application AS a
        WHERE ra.request_attempt_id = $1 AND ra.worker_name = $2 AND ra.succeeded_at IS NULL AND ra.failed_at IS NULL
          AND s.subscription_id = ra.subscription_id AND a.application_id = ra.application_id
      RETURNING (s.is_enabled AND s.deleted_at IS NULL AND a.deleted_at IS NULL) AS "subscriptionActive"`,
      [request.attemptId, request.workerName, response.responseId],
    );
    if (updated.length === 0) return { completed: false };
    const { subscriptionActive } = updated[0];
    if (request.succeeded || request.retry === null || !subscriptionActive) return { completed: true, subscriptionActive, successor: null };
    const successors: { attemptId: string; delayUntil: Date }[] = await runner.query(
      `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count, created_at, delay_until)
       SELECT $2, event_id, subscription_id, application_id, dispatch_round, retry_count + 1, now(), now() + $3 * interval '1 millisecond'
         FROM request_attempt WHERE request_attempt_id = $1
       ON CONFLICT ON CONSTRAINT request_attempt_once DO NOTHING
       RETURNING request_attempt_id AS "attemptId", delay_until AS "delayUntil"`,
      [request.attemptId, request.retry.successorId, request.retry.delayMs],
    );
    return { completed: true, subscriptionActive, successor: successors[0] ?? null };
  }
}
