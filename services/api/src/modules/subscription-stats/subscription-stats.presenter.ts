import type { DeliveryFigures } from '@hook0/db';
import type { SubscriptionStats } from './subscription-stats.service';

const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

function figuresView(figures: DeliveryFigures) {
  const finished = figures.successful + figures.failed;
  return {
    attempts: { successful: figures.successful, failed: figures.failed, pending: figures.pending },
    success_rate: finished === 0 ? null : figures.successful / finished,
    latency_ms: { p50: round(figures.p50), p95: round(figures.p95) },
  };
}

export function toSubscriptionStatsView(stats: SubscriptionStats) {
  return {
    subscription_id: stats.subscriptionId,
    period: stats.period,
    ...figuresView(stats.totals),
    ...(stats.buckets && {
      bucket: stats.bucket,
      buckets: stats.buckets.map((bucket) => ({ start: bucket.start, ...figuresView(bucket) })),
    }),
  };
}
