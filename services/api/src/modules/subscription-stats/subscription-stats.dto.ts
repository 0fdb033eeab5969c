import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { SHAPE } from '../../http/validators';

export const STATS_PERIODS = { '1h': 3_600, '24h': 86_400, '7d': 604_800, '30d': 2_592_000 } as const;
export const STATS_BUCKETS = { '1m': 60, '1h': 3_600, '1d': 86_400 } as const;

export type StatsPeriod = keyof typeof STATS_PERIODS;
export type StatsBucket = keyof typeof STATS_BUCKETS;

/** `GET /subscriptions/{id}/stats` (docs/api.md "Subscription stats"); a malformed field is a 400 InvalidQueryString. */
export class SubscriptionStatsQueryDto {
  @IsUUID('all', SHAPE)
  application_id: string;

  @IsOptional()
  @IsIn(Object.keys(STATS_PERIODS), SHAPE)
  period?: StatsPeriod;

  @IsOptional()
  @IsIn(Object.keys(STATS_BUCKETS), SHAPE)
  bucket?: StatsBucket;
}
