import { ProblemError } from '@hook0/core';
import type { DeliveryBucket, DeliveryFigures, SubscriptionRepository, SubscriptionStatsRepository } from '@hook0/db';
import type { ApplicationGrant } from '../../auth/grants';
import { STATS_BUCKETS, STATS_PERIODS, type StatsBucket, type StatsPeriod } from './subscription-stats.dto';

/** More buckets than this in one answer is refused: 24h by the minute (1441) is the most a chart gets. */
export const MAX_BUCKETS = 1_500;

export interface SubscriptionStats {
  readonly subscriptionId: string;
  readonly period: StatsPeriod;
  readonly totals: DeliveryFigures;
  readonly bucket?: StatsBucket;
  readonly buckets?: DeliveryBucket[];
}

/** Delivery figures of one subscription (docs/api.md "Subscription stats"). */
export class SubscriptionStatsService {
  constructor(
    private readonly subscriptions: Pick<SubscriptionRepository, 'findLive'>,
    private readonly stats: SubscriptionStatsRepository,
  ) {}

  async get(
    { application }: ApplicationGrant,
    subscriptionId: string,
    period: StatsPeriod = '24h',
    bucket?: StatsBucket,
  ): Promise<SubscriptionStats> {
    const windowSeconds = STATS_PERIODS[period];
    if (bucket !== undefined) {
      const bucketSeconds = STATS_BUCKETS[bucket];
      if (bucketSeconds > windowSeconds || windowSeconds / bucketSeconds + 1 > MAX_BUCKETS)
        throw new ProblemError(
          'InvalidQueryString',
          `bucket=${bucket} with period=${period} gives ${Math.ceil(windowSeconds / bucketSeconds) + 1} buckets; at most ${MAX_BUCKETS}, and a bucket no longer than the period.`,
        );
    }
    const subscription = await this.subscriptions.findLive(subscriptionId);
    if (subscription?.applicationId !== application.applicationId) throw new ProblemError('NotFound');
    const [totals, buckets] = await Promise.all([
      this.stats.totals(subscriptionId, application.applicationId, windowSeconds),
      bucket === undefined
        ? undefined
        : this.stats.buckets(subscriptionId, application.applicationId, windowSeconds, STATS_BUCKETS[bucket]),
    ]);
    return { subscriptionId, period, totals, bucket, buckets };
  }
}
