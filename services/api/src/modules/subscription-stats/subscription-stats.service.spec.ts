import { type ProblemError } from '@hook0/core';
import type { SubscriptionRepository, SubscriptionStatsRepository } from '@hook0/db';
import type { ApplicationGrant } from '../../auth/grants';
import { SubscriptionStatsService } from './subscription-stats.service';
import type { StatsBucket, StatsPeriod } from './subscription-stats.dto';

const APPLICATION = '0190b7a4-0000-7000-8000-000000000001';
const figures = { successful: 0, failed: 0, pending: 0, p50: null, p95: null };

describe('SubscriptionStatsService bucket and period', () => {
  const calls: number[][] = [];
  const service = new SubscriptionStatsService(
    { findLive: () => Promise.resolve({ applicationId: APPLICATION }) } as unknown as Pick<SubscriptionRepository, 'findLive'>,
    {
      totals: () => Promise.resolve(figures),
      buckets: (_s: string, _a: string, window: number, bucket: number) => {
        calls.push([window, bucket]);
        return Promise.resolve([]);
      },
    } as unknown as SubscriptionStatsRepository,
  );
  const grant = { application: { applicationId: APPLICATION } } as unknown as ApplicationGrant;

  it.each([
    ['1h', '1m', [3600, 60]],
    ['24h', '1m', [86400, 60]],
    ['24h', '1h', [86400, 3600]],
    ['30d', '1h', [2592000, 3600]],
    ['30d', '1d', [2592000, 86400]],
  ] as const)('accepts period %s by %s', async (period, bucket, call) => {
    await service.get(grant, 'S', period as StatsPeriod, bucket as StatsBucket);
    expect(calls.at(-1)).toEqual(call);
  });

  it.each([
    ['7d', '1m'],
    ['30d', '1m'],
    ['1h', '1d'],
  ])('refuses period %s by %s with InvalidQueryString', async (period, bucket) => {
    await expect(service.get(grant, 'S', period as StatsPeriod, bucket as StatsBucket)).rejects.toEqual(
      expect.objectContaining({ problemId: 'InvalidQueryString', status: 400 }) as ProblemError,
    );
  });
});
