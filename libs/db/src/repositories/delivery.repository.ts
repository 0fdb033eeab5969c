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

/** What the dispatcher asks for: one attempt its message names, or up to `count` parked attempts of a subscription. */
export type ClaimRequest =
  | { readonly kind: 'attempt'; readonly attemptId: string }
  | { readonly kind: 'parked'; readonly subscriptionId: string; readonly count: number };

/** What became of a candidate (see the claim function in the flow-control migration). */
export type ClaimOutcome =
  | { readonly outcome: 'claimed'; readonly attempt: ClaimedAttempt }
  /** Its subscription has as many deliveries in flight as it allows: it waits in the database to be pulled. */
  | { readonly outcome: 'parked'; readonly attemptId: string }
  /** Its subscription's rate has no room now: it holds a slot at `dueAt` and must be announced for then. */
  | { readonly outcome: 'deferred'; readonly attemptId: string; readonly dueAt: number }
  /** Finished, held by another worker, or not due: nothing was changed. */
  | { readonly outcome: 'unavailable'; readonly attemptId: string };

export interface ClaimSettings {
  readonly workerName: string;
  readonly leaseMs: number;
  /** An attempt whose delay_until is further away than this is not claimed. */
  readonly earlyToleranceMs: number;
  /** A subscription's max_in_flight when it sets none. */
  readonly defaultMaxInFlight: number;
}

type ClaimRow = Omit<ClaimedAttempt, 'attemptId'> & {
  readonly outcome: 'claimed' | 'parked' | 'deferred';
  readonly attemptId: string;
  readonly dueAt: Date | null;
};

/** Calls made together share one call of the claim function; rows are locked per subscription, in key order. */
const CLAIM = new PreparedStatement<ClaimRow>('hook0_claim_attempts', 'SELECT * FROM hook0_claim_attempts($1, $2, $3, $4, $5, $6, $7)');

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
  private readonly claims = new MicroBatcher((requests: ClaimRequest[]) => this.claimAll(requests), {
    ...STATEMENT_BATCHING,
    key: claimKey,
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ClaimSettings,
  ) {}

  /**
   * Takes the lease of an attempt that is pending, unleased (or whose lease expired) and due, if its subscription
   * has room for one more delivery in flight and, when it sets a rate, a slot now. Claims made together share one
   * statement; the same attempt asked twice at once is given to one caller only.
   */
  claim(attemptId: string): Promise<ClaimOutcome> {
    return this.claims.submit({ kind: 'attempt', attemptId }) as Promise<ClaimOutcome>;
  }

  /** The oldest parked attempts of a subscription, as many as `count` and its room allow: the claimed and the deferred ones. */
  pullParked(subscriptionId: string, count: number): Promise<ClaimOutcome[]> {
    return this.claims.submit({ kind: 'parked', subscriptionId, count }) as Promise<ClaimOutcome[]>;
  }

  /** Fails a held attempt without sending it (its subscription or application is gone); no response row. */
  async cancel(attemptId: string): Promise<boolean> {
    const { rowCount } = await CANCEL.run(this.dataSource, [attemptId, this.settings.workerName]);
    return (rowCount ?? 0) > 0;
  }

  private async claimAll(requests: ClaimRequest[]): Promise<(ClaimOutcome | ClaimOutcome[])[]> {
    const attemptIds = requests.flatMap((r) => (r.kind === 'attempt' ? [r.attemptId] : []));
    const pullCounts = new Map<string, number>();
    for (const r of requests) if (r.kind === 'parked') pullCounts.set(r.subscriptionId, (pullCounts.get(r.subscriptionId) ?? 0) + r.count);
    const { workerName, leaseMs, earlyToleranceMs, defaultMaxInFlight } = this.settings;
    const rows = await CLAIM.rows(this.dataSource, [
      attemptIds,
      [...pullCounts.keys()],
      [...pullCounts.values()],
      workerName,
      leaseMs,
      earlyToleranceMs,
      defaultMaxInFlight,
    ]);
    const asked = new Set(attemptIds);
    const outcomes = new Map(rows.map((row) => [row.attemptId, toOutcome(row)]));
    const pulled = new Map<string, ClaimOutcome[]>();
    for (const row of rows) {
      if (asked.has(row.attemptId) || row.outcome === 'parked') continue;
      pulled.set(row.subscriptionId, [...(pulled.get(row.subscriptionId) ?? []), outcomes.get(row.attemptId) as ClaimOutcome]);
    }
    // Pulls of one subscription went as one, for the sum of their counts: each takes its share, oldest first.
    return requests.map((request) =>
      request.kind === 'attempt'
        ? (outcomes.get(request.attemptId) ?? { outcome: 'unavailable', attemptId: request.attemptId })
        : (pulled.get(request.subscriptionId) ?? []).splice(0, request.count),
    );
  }

  async findState(attemptId: string): Promise<AttemptState | null> {
    const rows = await FIND_STATE.rows(this.dataSource, [attemptId]);
    return rows[0] ?? null;
  }
}

/** The same attempt asked twice waits for the next batch; pulls share one, merged per subscription (claimAll). */
function claimKey(request: ClaimRequest): string | null {
  return request.kind === 'attempt' ? request.attemptId : null;
}

function toOutcome(row: ClaimRow): ClaimOutcome {
  const { outcome, attemptId, dueAt, ...attempt } = row;
  if (outcome === 'parked') return { outcome, attemptId };
  if (outcome === 'deferred') return { outcome, attemptId, dueAt: (dueAt as Date).getTime() };
  return { outcome, attempt: { attemptId, ...attempt } };
}
