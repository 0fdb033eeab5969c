import type { components } from '@hook0-ts/sdk/api-types';

type Stats = components['schemas']['SubscriptionStats'];
export type StatsPeriod = Stats['period'];
export type StatsBucket = NonNullable<Stats['bucket']>;

/** The periods the stats route takes (docs/api.md "Subscription stats"), each with the bucket size its charts use. */
export const STATS_PERIODS: readonly { readonly period: StatsPeriod; readonly label: string; readonly bucket: StatsBucket }[] = [
  { period: '1h', label: 'Last hour', bucket: '1m' },
  { period: '24h', label: 'Last 24 hours', bucket: '1h' },
  { period: '7d', label: 'Last 7 days', bucket: '1h' },
  { period: '30d', label: 'Last 30 days', bucket: '1d' },
];

export function bucketFor(period: StatsPeriod): StatsBucket {
  return STATS_PERIODS.find((option) => option.period === period)?.bucket ?? '1h';
}

/** One bucket as the charts and their data tables read it. */
export interface StatsRow {
  readonly start: string;
  readonly label: string;
  readonly successful: number;
  readonly failed: number;
  readonly pending: number;
  readonly p50: number | null;
  readonly p95: number | null;
}

/** A bucket's start as its axis label: the time for minute and hour buckets (with the day past one day), the day for day buckets. */
export function bucketLabel(start: string, bucket: StatsBucket, period: StatsPeriod, locale?: string, timeZone?: string): string {
  const date = new Date(start);
  if (bucket === '1d') return date.toLocaleDateString(locale, { month: 'short', day: 'numeric', timeZone });
  const time = date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  if (period === '1h' || period === '24h') return time;
  return `${date.toLocaleDateString(locale, { month: 'short', day: 'numeric', timeZone })} ${time}`;
}

/** The stats' buckets, oldest first, as chart rows; none when the answer carries no buckets. */
export function toStatsRows(stats: Stats, locale?: string, timeZone?: string): StatsRow[] {
  const bucket = stats.bucket ?? bucketFor(stats.period);
  return (stats.buckets ?? []).map((row) => ({
    start: row.start,
    label: bucketLabel(row.start, bucket, stats.period, locale, timeZone),
    successful: row.attempts.successful,
    failed: row.attempts.failed,
    pending: row.attempts.pending,
    p50: row.latency_ms.p50,
    p95: row.latency_ms.p95,
  }));
}

/** failed / (successful + failed), the complement of the API's success rate; null when none finished. */
export function failureRate(successRate: number | null): number | null {
  return successRate === null ? null : 1 - successRate;
}
