import type { DeliveryErrorName } from './delivery-outcome';

export interface RetrySettings {
  /** Delay before retry 1, 2, …; the last entry repeats. */
  readonly scheduleMs: readonly number[];
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  readonly jitterRatio: number;
  readonly jitterMinSpreadMs: number;
  readonly jitterMaxSpreadMs: number;
}

export interface FailedAttempt {
  /** retry_count of the attempt that just failed (0 for the first attempt). */
  readonly retryCount: number;
  readonly errorName: DeliveryErrorName;
  readonly httpStatus: number | null;
  readonly retryAfterHeader: string | null;
}

export const RETRY_AFTER_CAP_MS = 10 * 3_600_000;

/**
 * What a subscription may ask for itself (docs/hook0-compatibility.md "Subscriptions"; docs/security.md). The operator's RETRY_SCHEDULE and
 * MAX_RETRIES are not bound by these.
 */
export const SUBSCRIPTION_MIN_RETRY_DELAY_MS = 1_000;
export const SUBSCRIPTION_MAX_RETRY_DELAY_MS = 10 * 86_400_000;
export const SUBSCRIPTION_MAX_RETRIES = 30;

/** A subscription's stored schedule, each step below the minimum counted as the minimum (rows stored before the rule). */
export function boundedSubscriptionSchedule(scheduleMs: readonly number[]): readonly number[] {
  if (scheduleMs.every((ms) => ms >= SUBSCRIPTION_MIN_RETRY_DELAY_MS)) return scheduleMs;
  return scheduleMs.map((ms) => Math.max(ms, SUBSCRIPTION_MIN_RETRY_DELAY_MS));
}

/** A subscription's stored retry limit, counted as the maximum above it (rows stored before the rule). */
export function boundedSubscriptionMaxRetries(maxRetries: number): number {
  return Math.min(maxRetries, SUBSCRIPTION_MAX_RETRIES);
}

/** Statuses whose `Retry-After` sets the least delay before the retry: Too Many Requests and Service Unavailable. */
const HONOURS_RETRY_AFTER: ReadonlySet<number> = new Set([429, 503]);

/** Delay before the retry that follows `failed`, or null when the delivery gives up. */
export function nextRetryDelay(
  settings: RetrySettings,
  failed: FailedAttempt,
  now: Date,
  random: () => number = Math.random,
): number | null {
  if (failed.errorName === 'E_INVALID_HEADER') return null;
  if (failed.retryCount >= settings.maxRetries) return null;
  const base = baseDelay(settings.scheduleMs, failed.retryCount);
  const scheduled = base + Math.floor(random() * jitterSpread(settings, base));
  const hint = HONOURS_RETRY_AFTER.has(failed.httpStatus ?? 0) ? parseRetryAfter(failed.retryAfterHeader, now) : null;
  return hint === null ? scheduled : Math.max(scheduled, hint);
}

export function baseDelay(scheduleMs: readonly number[], retryCount: number): number {
  return scheduleMs[Math.min(retryCount, scheduleMs.length - 1)];
}

function jitterSpread(settings: RetrySettings, base: number): number {
  if (settings.jitterRatio <= 0) return 0;
  const spread = Math.max(settings.jitterRatio * base, settings.jitterMinSpreadMs);
  return Math.min(spread, settings.jitterMaxSpreadMs);
}

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';
/** The three HTTP-date forms (RFC 9110 §5.6.7): IMF-fixdate, obsolete RFC 850, asctime (which is UTC but carries no zone). */
const IMF_FIXDATE = new RegExp(`^${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{2}-${MONTH}-\\d{2} ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4}$`);

/**
 * `Retry-After` as seconds or an HTTP-date (RFC 9110 §10.2.3); a past date is 0; capped at 10 h.
 * Anything else is null: `Date.parse` alone would read garbage such as `in 2030` as a date.
 */
export function parseRetryAfter(header: string | null, now: Date): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, RETRY_AFTER_CAP_MS);
  let date = Number.NaN;
  if (IMF_FIXDATE.test(text) || RFC850_DATE.test(text)) date = Date.parse(text);
  else if (ASCTIME_DATE.test(text)) date = Date.parse(`${text} GMT`);
  if (Number.isNaN(date)) return null;
  return Math.min(Math.max(date - now.getTime(), 0), RETRY_AFTER_CAP_MS);
}
