import type { DataSource } from 'typeorm';

export interface DeliveryFigures {
  readonly successful: number;
  readonly failed: number;
  readonly pending: number;
  /** Percentiles of the recorded responses' elapsed time; null when none was recorded. */
  readonly p50: number | null;
  readonly p95: number | null;
}

export interface DeliveryBucket extends DeliveryFigures {
  /** RFC 3339 text, a multiple of the bucket size since the Unix epoch. */
  readonly start: string;
}

interface FiguresRow {
  readonly successful: number;
  readonly failed: number;
  readonly pending: number;
  readonly p50: number | null;
  readonly p95: number | null;
}

/** Attempts of one subscription created in the window: $1 subscription, $2 application, $3 window in seconds. */
const WINDOW = `
  SELECT ra.created_at, ra.succeeded_at IS NOT NULL AS successful, ra.failed_at IS NOT NULL AS failed, r.elapsed_time_ms
    FROM request_attempt ra LEFT JOIN response r ON r.response_id = ra.response_id
   WHERE ra.subscription_id = $1 AND ra.application_id = $2 AND ra.created_at >= now() - $3 * interval '1 second'`;

const FIGURES = `
  count(*) FILTER (WHERE a.successful)::int AS successful,
  count(*) FILTER (WHERE a.failed)::int AS failed,
  count(*) FILTER (WHERE NOT a.successful AND NOT a.failed)::int AS pending,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY a.elapsed_time_ms) AS p50,
  percentile_cont(0.95) WITHIN GROUP (ORDER BY a.elapsed_time_ms) AS p95`;

/**
 * Delivery figures of a subscription (docs/api.md "Subscription stats"), computed in one statement over the attempts
 * created in the window (request_attempt_subscription_idx) and their responses.
 */
export class SubscriptionStatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async totals(subscriptionId: string, applicationId: string, windowSeconds: number): Promise<DeliveryFigures> {
    const [row]: FiguresRow[] = await this.dataSource.query(`SELECT ${FIGURES} FROM (${WINDOW}) a`, [
      subscriptionId,
      applicationId,
      windowSeconds,
    ]);
    return row;
  }

  /** Every bucket overlapping the window, oldest first, empty ones included. */
  async buckets(subscriptionId: string, applicationId: string, windowSeconds: number, bucketSeconds: number): Promise<DeliveryBucket[]> {
    return this.dataSource.query(
      `WITH edges AS (
         SELECT to_timestamp(floor(extract(epoch FROM now() - $3 * interval '1 second') / $4) * $4) AS first, now() AS last
       ), starts AS (
         SELECT generate_series(edges.first, edges.last, $4 * interval '1 second') AS start FROM edges
       ), a AS (
         SELECT w.*, to_timestamp(floor(extract(epoch FROM w.created_at) / $4) * $4) AS start FROM (${WINDOW}) w
       )
       SELECT to_char(s.start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS start, ${FIGURES}
         FROM starts s LEFT JOIN a ON a.start = s.start
        GROUP BY s.start ORDER BY s.start`,
      [subscriptionId, applicationId, windowSeconds, bucketSeconds],
    );
  }
}
