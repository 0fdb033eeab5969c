import type { DataSource } from 'typeorm';
import { MicroBatcher } from '../micro-batcher';
import { PreparedStatement } from '../prepared-statement';
import { STATEMENT_BATCHING } from './statement-batching';

/** An attempt this worker now holds, with everything needed to send it. */
export interface ClaimedAttempt {
  readonly attemptId: string;
  readonly eventId: string;
  /** When the API received the event: the start of its end-to-end latency. */
  readonly receivedAt: Date;
  readonly subscriptionId: string;
  readonly applicationId: string;
  readonly dispatchRound: number;
  readonly retryCount: number;
  readonly payload: Buffer;
  readonly payloadContentType: string;
  readonly eventTypeName: string;
  readonly targetMethod: string;
  readonly targetUrl: string;
  readonly targetHeaders: Record<string, unknown>;
  readonly secret: string;
  readonly subscriptionEnabled: boolean;
  readonly subscriptionDeletedAt: Date | null;
  readonly applicationDeletedAt: Date | null;
  readonly retryScheduleMs: number[] | null;
  readonly maxRetries: number | null;
}

/** An attempt as it stands, with its response, its subscription's state and its successor, for messages that could not claim it. */
export interface AttemptState {
  readonly attemptId: string;
  readonly eventId: string;
  readonly subscriptionId: string;
  readonly retryCount: number;
  readonly succeededAt: Date | null;
  readonly failedAt: Date | null;
  readonly leaseExpiresAt: Date | null;
  readonly delayUntil: Date | null;
  readonly responseId: string | null;
  readonly responseErrorName: string | null;
  readonly httpCode: number | null;
  readonly retryAfter: string | null;
  readonly retryScheduleMs: number[] | null;
  readonly maxRetries: number | null;
  readonly subscriptionActive: boolean;
  readonly successorId: string | null;
  readonly successorDelayUntil: Date | null;
  readonly successorPending: boolean | null;
}

export interface ClaimRequest {
  readonly attemptId: string;
  readonly workerName: string;
  readonly leaseMs: number;
  /** An attempt whose delay_until is further away than this is not claimed. */
  readonly earlyToleranceMs: number;
}

/** Claims many attempts in one statement; rows are locked in id order, so concurrent batches cannot deadlock. */
const CLAIM = new PreparedStatement<ClaimedAttempt>(
  'hook0_claim_attempts',
  `WITH input AS (
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[]) AS i (attempt_id, worker_name, lease_ms, tolerance_ms)
   ), claimable AS (
     SELECT ra.request_attempt_id, i.worker_name, i.lease_ms
       FROM request_attempt AS ra JOIN input AS i ON i.attempt_id = ra.request_attempt_id
      WHERE ra.succeeded_at IS NULL AND ra.failed_at IS NULL
        AND (ra.lease_expires_at IS NULL OR ra.lease_expires_at < now())
        AND (ra.delay_until IS NULL OR ra.delay_until <= now() + i.tolerance_ms * interval '1 millisecond')
      ORDER BY ra.request_attempt_id
        FOR UPDATE OF ra
   )
   UPDATE request_attempt AS ra
      SET picked_at = now(), lease_expires_at = now() + c.lease_ms * interval '1 millisecond', worker_name = c.worker_name
     FROM claimable AS c, event AS e, subscription AS s, application AS a
    WHERE ra.request_attempt_id = c.request_attempt_id
      AND e.event_id = ra.event_id AND e.application_id = ra.application_id AND s.subscription_id = ra.subscription_id AND a.application_id = ra.application_id
   RETURNING ra.request_attempt_id AS "attemptId", ra.event_id AS "eventId", e.received_at AS "receivedAt", ra.subscription_id AS "subscriptionId",
             ra.application_id AS "applicationId", ra.dispatch_round AS "dispatchRound", ra.retry_count AS "retryCount",
             e.payload, e.payload_content_type AS "payloadContentType", e.event_type_name AS "eventTypeName",
             s.target_method AS "targetMethod", s.target_url AS "targetUrl", s.target_headers AS "targetHeaders",
             s.secret::text AS secret, s.is_enabled AS "subscriptionEnabled", s.deleted_at AS "subscriptionDeletedAt",
             a.deleted_at AS "applicationDeletedAt", s.retry_schedule_ms AS "retryScheduleMs", s.max_retries AS "maxRetries"`,
);

const CANCEL = new PreparedStatement(
  'hook0_cancel_attempt',
  `UPDATE request_attempt SET failed_at = now(), lease_expires_at = NULL
    WHERE request_attempt_id = $1 AND worker_name = $2 AND succeeded_at IS NULL AND failed_at IS NULL`,
);

const FIND_STATE = new PreparedStatement<AttemptState>(
  'hook0_attempt_state',
  `SELECT ra.request_attempt_id AS "attemptId", ra.event_id AS "eventId", ra.subscription_id AS "subscriptionId",
          ra.retry_count AS "retryCount", ra.succeeded_at AS "succeededAt", ra.failed_at AS "failedAt",
          ra.lease_expires_at AS "leaseExpiresAt", ra.delay_until AS "delayUntil", ra.response_id AS "responseId",
          r.response_error_name AS "responseErrorName", r.http_code AS "httpCode", r.headers ->> 'retry-after' AS "retryAfter",
          s.retry_schedule_ms AS "retryScheduleMs", s.max_retries AS "maxRetries",
          (s.is_enabled AND s.deleted_at IS NULL AND a.deleted_at IS NULL) AS "subscriptionActive",
          nx.request_attempt_id AS "successorId", nx.delay_until AS "successorDelayUntil",
          (nx.succeeded_at IS NULL AND nx.failed_at IS NULL) AS "successorPending"
     FROM request_attempt ra
     JOIN subscription s ON s.subscription_id = ra.subscription_id
     JOIN application a ON a.application_id = ra.application_id
     LEFT JOIN response r ON r.response_id = ra.response_id
     LEFT JOIN request_attempt nx ON nx.event_id = ra.event_id AND nx.subscription_id = ra.subscription_id
          AND nx.dispatch_round = ra.dispatch_round AND nx.retry_count = ra.retry_count + 1
    WHERE ra.request_attempt_id = $1`,
);

export class DeliveryRepository {
  private readonly claims = new MicroBatcher((requests: ClaimRequest[]) => this.claimAll(requests), { ...STATEMENT_BATCHING, key: (request) => request.attemptId });

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes the lease atomically: only a pending attempt whose lease is free (or expired) and that is due.
   * Claims made together share one statement; the same attempt asked twice at once is given to one caller only.
   */
  claim(request: ClaimRequest): Promise<ClaimedAttempt | null> {
    return this.claims.submit(request);
  }

  /** Fails a held attempt without sending it (its subscription or application is gone); no response row. */
  async cancel(attemptId: string, workerName: string): Promise<boolean> {
    const { rowCount } = await CANCEL.run(this.dataSource, [attemptId, workerName]);
    return (rowCount ?? 0) > 0;
  }

  private async claimAll(requests: ClaimRequest[]): Promise<(ClaimedAttempt | null)[]> {
    const rows = await CLAIM.rows(this.dataSource, [
      requests.map((r) => r.attemptId),
      requests.map((r) => r.workerName),
      requests.map((r) => r.leaseMs),
      requests.map((r) => r.earlyToleranceMs),
    ]);
    const claimed = new Map(rows.map((row) => [row.attemptId, row]));
    return requests.map((request) => claimed.get(request.attemptId) ?? null);
  }

  async findState(attemptId: string): Promise<AttemptState | null> {
    const rows = await FIND_STATE.rows(this.dataSource, [attemptId]);
    return rows[0] ?? null;
  }
}
