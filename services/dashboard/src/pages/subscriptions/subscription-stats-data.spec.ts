import type { components } from '@hook0-ts/sdk/api-types';
import { bucketFor, bucketLabel, failureRate, toStatsRows } from './subscription-stats-data';

const stats: components['schemas']['SubscriptionStats'] = {
  subscription_id: 'a1b2c3d4-0000-4000-8000-000000000001',
  period: '24h',
  bucket: '1h',
  attempts: { successful: 3, failed: 1, pending: 1 },
  success_rate: 0.75,
  latency_ms: { p50: 40, p95: 300 },
  buckets: [
    {
      start: '2025-03-04T05:00:00.000Z',
      attempts: { successful: 3, failed: 0, pending: 0 },
      success_rate: 1,
      latency_ms: { p50: 40, p95: 90 },
    },
    {
      start: '2025-03-04T06:00:00.000Z',
      attempts: { successful: 0, failed: 1, pending: 1 },
      success_rate: 0,
      latency_ms: { p50: null, p95: null },
    },
  ],
};

describe('subscription stats data', () => {
  it('picks a bucket size per period that stays within the API limit', () => {
    expect(['1h', '24h', '7d', '30d'].map((period) => bucketFor(period as never))).toEqual(['1m', '1h', '1h', '1d']);
  });

  it('labels a bucket by time within a day, by day and time over a week, by day for day buckets', () => {
    const start = '2025-03-04T05:00:00.000Z';
    expect(bucketLabel(start, '1h', '24h', 'en-GB', 'UTC')).toBe('05:00');
    expect(bucketLabel(start, '1h', '7d', 'en-GB', 'UTC')).toBe('4 Mar 05:00');
    expect(bucketLabel(start, '1d', '30d', 'en-GB', 'UTC')).toBe('4 Mar');
  });

  it('turns buckets into chart rows, keeping missing latencies as gaps', () => {
    expect(toStatsRows(stats, 'en-GB', 'UTC')).toEqual([
      { start: '2025-03-04T05:00:00.000Z', label: '05:00', successful: 3, failed: 0, pending: 0, p50: 40, p95: 90 },
      { start: '2025-03-04T06:00:00.000Z', label: '06:00', successful: 0, failed: 1, pending: 1, p50: null, p95: null },
    ]);
    expect(toStatsRows({ ...stats, bucket: undefined, buckets: undefined })).toEqual([]);
  });

  it('gives the failure rate as the complement of the success rate', () => {
    expect(failureRate(0.75)).toBe(0.25);
    expect(failureRate(null)).toBeNull();
  });
});
