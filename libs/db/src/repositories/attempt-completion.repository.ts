import type { DataSource } from 'typeorm';
import { MicroBatcher } from '../micro-batcher';
import { PreparedStatement } from '../prepared-statement';
import type { ClaimedAttempt } from './delivery.repository';
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
  /** The place this completion frees may go to the oldest parked attempt of the subscription, leased to the same worker. */
  readonly handOver: boolean;
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
      /** The parked attempt that took the freed place, now held by the same worker, to send next; null if none did. */
      readonly handedOver: ClaimedAttempt | null;
    };

/** What a hand-over needs of the claim's settings (ClaimSettings). */
export interface HandOverSettings {
  readonly leaseMs: number;
  /** A subscription's max_in_flight when it sets none. */
  readonly defaultMaxInFlight: number;
}

type CompletionRow =
  | {
      readonly kind: 'completed';
      readonly attemptId: string;
      readonly subscriptionId: string;
      readonly subscriptionActive: boolean;
      readonly successorId: string | null;
      readonly successorDelayUntil: Date | null;
      readonly parkedWaiting: boolean;
    }
  | ({ readonly kind: 'handed_over' } & ClaimedAttempt);

/**
 * One statement, so one transaction and one round trip for many completions: an attempt is completed only while
 * its worker still holds it pending (rows locked in id order, so concurrent batches cannot deadlock); its response
 * and successor are written only if it was. Attempts are also matched against the id array itself, which the planner
 * turns into a primary-key lookup whatever it estimates of the table (docs/benchmarks.md).
 *
 * A completion asking for it hands its place over (docs/guarantees.md "Fair delivery"): the oldest parked attempts of
 * an active subscription without a rate are leased to the same worker, one per live lease this statement ends and
 * never beyond max_in_flight counting the leases it ends. Leases are swapped, never added, so this needs no
 * subscription lock: a claim sees the old lease or the new one. Parked rows are taken SKIP LOCKED, and a claim that
 * read one as parked before the swap committed leaves it alone (its updates re-check the lease).
 */
const COMPLETE = new PreparedStatement<CompletionRow>(
  'hook0_complete_attempts',
  `WITH input AS (
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::text[], $8::text[],
                          $9::int[], $10::bool[], $11::uuid[], $12::bigint[], $15::bool[])
              AS i (attempt_id, worker_name, response_id, application_id, error_name, http_code, headers, body,
                    elapsed_ms, succeeded, successor_id, delay_ms, hand_over)
   ), held AS (
     SELECT ra.request_attempt_id, ra.lease_expires_at > now() AS live
       FROM request_attempt AS ra JOIN input AS i ON i.attempt_id = ra.request_attempt_id
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
   ), freed AS (
     SELECT c.subscription_id, min(i.worker_name) AS worker_name,
            least(count(*), coalesce(min(s.max_in_flight), $14)
                            - ((SELECT count(*) FROM request_attempt AS h
                                 WHERE h.subscription_id = c.subscription_id AND h.lease_expires_at > now()
                                   AND h.succeeded_at IS NULL AND h.failed_at IS NULL) - count(*))) AS places
       FROM completed AS c JOIN input AS i USING (attempt_id) JOIN held AS h ON h.request_attempt_id = c.attempt_id
       JOIN subscription AS s ON s.subscription_id = c.subscription_id
      WHERE i.hand_over AND h.live AND c.active AND s.max_deliveries_per_second IS NULL
      GROUP BY c.subscription_id
   ), next_parked AS (
     SELECT p.request_attempt_id, f.worker_name
       FROM freed AS f
      CROSS JOIN LATERAL (
        SELECT ra.request_attempt_id FROM request_attempt AS ra
         WHERE ra.subscription_id = f.subscription_id AND ra.parked_at IS NOT NULL
           AND ra.succeeded_at IS NULL AND ra.failed_at IS NULL
           AND (ra.lease_expires_at IS NULL OR ra.lease_expires_at < now())
         ORDER BY ra.request_attempt_id
         LIMIT greatest(f.places, 0)
           FOR UPDATE OF ra SKIP LOCKED
      ) AS p
   ), handed AS (
     UPDATE request_attempt AS ra
        SET picked_at = now(), lease_expires_at = now() + $13 * interval '1 millisecond', worker_name = n.worker_name,
            parked_at = NULL, rate_slot_at = NULL
       FROM next_parked AS n
      WHERE ra.request_attempt_id = n.request_attempt_id
     RETURNING ra.request_attempt_id, ra.event_id, ra.subscription_id, ra.application_id, ra.dispatch_round, ra.retry_count
   )
   SELECT 'completed' AS kind, c.attempt_id AS "attemptId", c.subscription_id AS "subscriptionId", c.active AS "subscriptionActive",
          n.request_attempt_id AS "successorId", n.delay_until AS "successorDelayUntil",
          EXISTS (SELECT 1 FROM request_attempt AS p
                   WHERE p.subscription_id = c.subscription_id AND p.parked_at IS NOT NULL
                     AND p.succeeded_at IS NULL AND p.failed_at IS NULL) AS "parkedWaiting",
          NULL::uuid AS "eventId", NULL::timestamptz AS "receivedAt", NULL::uuid AS "applicationId",
          NULL::smallint AS "dispatchRound", NULL::smallint AS "retryCount", NULL::bytea AS payload,
          NULL::text AS "payloadContentType", NULL::text AS "eventTypeName", NULL::text AS "targetMethod",
          NULL::text AS "targetUrl", NULL::jsonb AS "targetHeaders", NULL::text AS secret, NULL::boolean AS "subscriptionEnabled",
          NULL::timestamptz AS "subscriptionDeletedAt", NULL::timestamptz AS "applicationDeletedAt",
          NULL::integer[] AS "retryScheduleMs", NULL::integer AS "maxRetries"
     FROM completed AS c
     LEFT JOIN successor AS n ON n.event_id = c.event_id AND n.subscription_id = c.subscription_id
                             AND n.dispatch_round = c.dispatch_round AND n.retry_count = c.retry_count + 1
   UNION ALL
   SELECT 'handed_over', t.request_attempt_id, t.subscription_id, NULL, NULL, NULL, NULL,
          t.event_id, e.received_at, t.application_id, t.dispatch_round, t.retry_count, e.payload, e.payload_content_type,
          e.event_type_name, s.target_method, s.target_url, s.target_headers, s.secret::text, s.is_enabled, s.deleted_at,
          a.deleted_at, s.retry_schedule_ms, s.max_retries
     FROM handed AS t
     JOIN event AS e ON e.event_id = t.event_id AND e.application_id = t.application_id
     JOIN subscription AS s ON s.subscription_id = t.subscription_id
     JOIN application AS a ON a.application_id = t.application_id
    ORDER BY 1, 2`,
);

/** Records attempts' outcomes, responses and successors; completions made together share one statement. */
export class AttemptCompletionRepository {
  private readonly completions = new MicroBatcher((requests: CompletionRequest[]) => this.completeAll(requests), {
    ...STATEMENT_BATCHING,
    key: (request) => request.attemptId,
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly handOver: HandOverSettings,
  ) {}

  complete(request: CompletionRequest): Promise<CompletionResult> {
    return this.completions.submit(request);
  }

  private async completeAll(requests: CompletionRequest[]): Promise<CompletionResult[]> {
    const { leaseMs, defaultMaxInFlight } = this.handOver;
    const handOvers = requests.map((r) => r.handOver);
    const rows = await COMPLETE.rows(this.dataSource, [...columns(requests), leaseMs, defaultMaxInFlight, handOvers]);
    const completed = new Map<string, CompletionRow & { kind: 'completed' }>();
    const handedOver = new Map<string, ClaimedAttempt[]>();
    for (const row of rows) {
      if (row.kind === 'completed') completed.set(row.attemptId, row);
      else handedOver.set(row.subscriptionId, [...(handedOver.get(row.subscriptionId) ?? []), withoutKind(row)]);
    }
    // Each completion that asked for it takes one attempt handed over in its subscription, oldest first.
    return requests.map((request) => {
      const row = completed.get(request.attemptId);
      if (row === undefined) return { completed: false };
      const next = request.handOver ? (handedOver.get(row.subscriptionId)?.shift() ?? null) : null;
      return toResult(row, next);
    });
  }
}

function withoutKind(row: CompletionRow & { kind: 'handed_over' }): ClaimedAttempt {
  const { kind: _kind, ...attempt } = row;
  return attempt;
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

function toResult(row: CompletionRow & { kind: 'completed' }, handedOver: ClaimedAttempt | null): CompletionResult {
  const { subscriptionActive, successorId, successorDelayUntil, parkedWaiting } = row;
  const successor =
    successorId === null || successorDelayUntil === null ? null : { attemptId: successorId, delayUntil: successorDelayUntil };
  return { completed: true, subscriptionActive, successor, parkedWaiting, handedOver };
}
