import type { EnvReader } from './env-reader';

/** One token bucket: `burst` requests at once, then one more every `periodMs`. */
export interface BucketConfig {
  /** False when this limiter, or all of them (DISABLE_API_RATE_LIMITING), is switched off. */
  readonly enabled: boolean;
  readonly burst: number;
  readonly periodMs: number;
}

/** API rate limits (docs/hook0-compatibility.md "Rate limits"), with Hook0's defaults. */
export interface RateLimitConfig {
  readonly global: BucketConfig;
  readonly ip: BucketConfig;
  readonly token: BucketConfig;
}

/** `allDisabled` is DISABLE_API_RATE_LIMITING, which the caller has read already. */
export function readRateLimitConfig(env: EnvReader, allDisabled: boolean): RateLimitConfig {
  const all = !allDisabled;
  const bucket = (scope: 'GLOBAL' | 'IP' | 'TOKEN', burst: number, periodMs: number): BucketConfig => ({
    enabled: all && !env.boolean(`DISABLE_API_RATE_LIMITING_${scope}`, false),
    burst: env.integer(`API_RATE_LIMITING_${scope}_BURST_SIZE`, burst, 1, 1_000_000),
    periodMs: env.integer(`API_RATE_LIMITING_${scope}_REPLENISH_PERIOD_IN_MS`, periodMs, 1, 3_600_000),
  });
  return { global: bucket('GLOBAL', 2000, 1), ip: bucket('IP', 200, 10), token: bucket('TOKEN', 20, 100) };
}
