import type { DeliveryErrorName } from './delivery-outcome';
import {
  baseDelay,
  boundedSubscriptionMaxRetries,
  boundedSubscriptionSchedule,
  nextRetryDelay,
  parseRetryAfter,
  RETRY_AFTER_CAP_MS,
  SUBSCRIPTION_MAX_RETRIES,
  SUBSCRIPTION_MIN_RETRY_DELAY_MS,
  type FailedAttempt,
  type RetrySettings,
} from './retry-policy';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

// docs/hook0-compatibility.md "Retries" defaults (RETRY_SCHEDULE, MAX_RETRIES, RETRY_JITTER_RATIO, 2 s minimum spread, RETRY_JITTER_MAX_SPREAD).
const HOOK0_SCHEDULE = [3 * SECOND, 10 * SECOND, 3 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 5 * HOUR, 10 * HOUR];
const DEFAULTS: RetrySettings = {
  scheduleMs: HOOK0_SCHEDULE,
  maxRetries: 24,
  jitterRatio: 0.1,
  jitterMinSpreadMs: 2 * SECOND,
  jitterMaxSpreadMs: 15 * MINUTE,
};
const NO_JITTER = (): number => 0;
const MAX_JITTER = (): number => 0.999999;
const NOW = new Date('2026-05-04T09:12:33.000Z');

function failure(overrides: Partial<FailedAttempt> = {}): FailedAttempt {
  return { retryCount: 0, errorName: 'E_HTTP', httpStatus: 503, retryAfterHeader: null, ...overrides };
}

describe('nextRetryDelay: schedule', () => {
  it.each(HOOK0_SCHEDULE.map((delay, retryCount) => [retryCount, delay]))(
    'waits the schedule entry of the failed attempt (retry_count %i → %i ms)',
    (retryCount, delay) => {
      expect(nextRetryDelay(DEFAULTS, failure({ retryCount }), NOW, NO_JITTER)).toBe(delay);
    },
  );

  it.each([8, 12, 23])('repeats the last entry past the end of the schedule (retry_count %i)', (retryCount) => {
    expect(nextRetryDelay(DEFAULTS, failure({ retryCount }), NOW, NO_JITTER)).toBe(10 * HOUR);
  });

  it('indexes a custom schedule the same way', () => {
    const settings = { ...DEFAULTS, scheduleMs: [5 * SECOND, MINUTE], maxRetries: 5 };
    expect([0, 1, 2, 4].map((retryCount) => nextRetryDelay(settings, failure({ retryCount }), NOW, NO_JITTER))).toEqual([
      5 * SECOND,
      MINUTE,
      MINUTE,
      MINUTE,
    ]);
  });

  it('exposes the same indexing as baseDelay', () => {
    expect(baseDelay(HOOK0_SCHEDULE, 0)).toBe(3 * SECOND);
    expect(baseDelay(HOOK0_SCHEDULE, 7)).toBe(10 * HOUR);
    expect(baseDelay(HOOK0_SCHEDULE, 100)).toBe(10 * HOUR);
    expect(baseDelay([42], 3)).toBe(42);
  });
});

describe('nextRetryDelay: giving up', () => {
  it('stops once retry_count reaches maxRetries: 25 attempts in all with the defaults', () => {
    expect(nextRetryDelay(DEFAULTS, failure({ retryCount: 23 }), NOW, NO_JITTER)).toBe(10 * HOUR);
    expect(nextRetryDelay(DEFAULTS, failure({ retryCount: 24 }), NOW, NO_JITTER)).toBeNull();
    expect(nextRetryDelay(DEFAULTS, failure({ retryCount: 30 }), NOW, NO_JITTER)).toBeNull();
  });

  it('never retries with maxRetries 0', () => {
    expect(nextRetryDelay({ ...DEFAULTS, maxRetries: 0 }, failure({ retryCount: 0 }), NOW, NO_JITTER)).toBeNull();
  });

  it('gives up at once on E_INVALID_HEADER', () => {
    expect(nextRetryDelay(DEFAULTS, failure({ errorName: 'E_INVALID_HEADER', httpStatus: null }), NOW, NO_JITTER)).toBeNull();
  });

  it.each<DeliveryErrorName>(['E_INVALID_TARGET', 'E_UNKNOWN', 'E_DNS', 'E_CONNECTION', 'E_TIMEOUT', 'E_HTTP'])(
    'retries %s like any other failure',
    (errorName) => {
      expect(nextRetryDelay(DEFAULTS, failure({ errorName, httpStatus: null }), NOW, NO_JITTER)).toBe(3 * SECOND);
    },
  );

  it('does not let a Retry-After revive a delivery whose retries are exhausted', () => {
    const attempt = failure({ retryCount: 24, httpStatus: 429, retryAfterHeader: '60' });
    expect(nextRetryDelay(DEFAULTS, attempt, NOW, NO_JITTER)).toBeNull();
  });
});

describe('nextRetryDelay: jitter', () => {
  it.each([
    ['3 s (spread raised to the 2 s minimum)', 0, 3 * SECOND, 2 * SECOND],
    ['30 min (spread = 10 % = 3 min)', 3, 30 * MINUTE, 3 * MINUTE],
    ['10 h (spread capped at 15 min)', 7, 10 * HOUR, 15 * MINUTE],
  ])('adds [0, spread) to %s, never subtracting', (_label, retryCount, base, spread) => {
    expect(nextRetryDelay(DEFAULTS, failure({ retryCount }), NOW, NO_JITTER)).toBe(base);
    const highest = nextRetryDelay(DEFAULTS, failure({ retryCount }), NOW, MAX_JITTER);
    expect(highest).toBe(base + spread - 1);
  });

  it('scales linearly with the random draw', () => {
    expect(nextRetryDelay(DEFAULTS, failure({ retryCount: 3 }), NOW, () => 0.5)).toBe(30 * MINUTE + 90 * SECOND);
  });

  it('stays within [base, base + spread) for any draw', () => {
    for (let draw = 0; draw < 1; draw += 0.0625) {
      const delay = nextRetryDelay(DEFAULTS, failure({ retryCount: 1 }), NOW, () => draw) as number;
      expect(delay).toBeGreaterThanOrEqual(10 * SECOND);
      expect(delay).toBeLessThan(12 * SECOND);
    }
  });

  it('clamps the spread to the configured minimum and maximum', () => {
    const settings = {
      ...DEFAULTS,
      scheduleMs: [SECOND, 10 * MINUTE],
      jitterRatio: 0.5,
      jitterMinSpreadMs: 2 * SECOND,
      jitterMaxSpreadMs: MINUTE,
    };
    // 0.5 × 1 s = 500 ms, raised to 2 s; 0.5 × 10 min = 5 min, lowered to 1 min.
    expect(nextRetryDelay(settings, failure({ retryCount: 0 }), NOW, MAX_JITTER)).toBe(SECOND + 2 * SECOND - 1);
    expect(nextRetryDelay(settings, failure({ retryCount: 1 }), NOW, MAX_JITTER)).toBe(10 * MINUTE + MINUTE - 1);
  });

  it('adds nothing with a jitter ratio of 0, not even the minimum spread', () => {
    const settings = { ...DEFAULTS, jitterRatio: 0 };
    expect(nextRetryDelay(settings, failure({ retryCount: 0 }), NOW, MAX_JITTER)).toBe(3 * SECOND);
    expect(nextRetryDelay(settings, failure({ retryCount: 7 }), NOW, MAX_JITTER)).toBe(10 * HOUR);
  });

  it('uses Math.random when no random source is injected', () => {
    const delay = nextRetryDelay(DEFAULTS, failure({ retryCount: 0 }), NOW) as number;
    expect(delay).toBeGreaterThanOrEqual(3 * SECOND);
    expect(delay).toBeLessThan(5 * SECOND);
  });
});

describe('nextRetryDelay: Retry-After', () => {
  it('honours Retry-After seconds on a 429 when longer than the schedule', () => {
    expect(nextRetryDelay(DEFAULTS, failure({ httpStatus: 429, retryAfterHeader: '120' }), NOW, NO_JITTER)).toBe(120 * SECOND);
  });

  it('keeps the (jittered) schedule when the hint is shorter: max(schedule, hint)', () => {
    expect(nextRetryDelay(DEFAULTS, failure({ httpStatus: 429, retryAfterHeader: '1' }), NOW, NO_JITTER)).toBe(3 * SECOND);
    expect(nextRetryDelay(DEFAULTS, failure({ httpStatus: 429, retryAfterHeader: '4' }), NOW, MAX_JITTER)).toBe(5 * SECOND - 1);
  });

  it.each([500, 502, 408, 302, 200, null])('ignores Retry-After on status %p', (httpStatus) => {
    expect(nextRetryDelay(DEFAULTS, failure({ httpStatus, retryAfterHeader: '120' }), NOW, NO_JITTER)).toBe(3 * SECOND);
  });

  it('honours Retry-After on a 503 as on a 429', () => {
    expect(nextRetryDelay(DEFAULTS, failure({ httpStatus: 503, retryAfterHeader: '120' }), NOW, NO_JITTER)).toBe(120 * SECOND);
  });

  it('honours an HTTP-date on a 429', () => {
    const inNinetySeconds = new Date(NOW.getTime() + 90 * SECOND).toUTCString();
    expect(nextRetryDelay(DEFAULTS, failure({ httpStatus: 429, retryAfterHeader: inNinetySeconds }), NOW, NO_JITTER)).toBe(90 * SECOND);
  });

  it('caps the hint at 10 h', () => {
    const twoDays = failure({ retryCount: 2, httpStatus: 429, retryAfterHeader: String(2 * 86_400) });
    expect(nextRetryDelay(DEFAULTS, twoDays, NOW, NO_JITTER)).toBe(10 * HOUR);
  });

  it.each(['soon', 'in 2030', '1.5', '-5', '', '120s', 'Thu, 01 Jan 2099'])('ignores a garbage Retry-After %p', (retryAfterHeader) => {
    expect(nextRetryDelay(DEFAULTS, failure({ httpStatus: 429, retryAfterHeader }), NOW, NO_JITTER)).toBe(3 * SECOND);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds, trimmed', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter('120', NOW)).toBe(120 * SECOND);
    expect(parseRetryAfter(' 30 ', NOW)).toBe(30 * SECOND);
  });

  it('caps delay-seconds and dates at 10 h', () => {
    expect(RETRY_AFTER_CAP_MS).toBe(10 * HOUR);
    expect(parseRetryAfter('36000', NOW)).toBe(10 * HOUR);
    expect(parseRetryAfter('36001', NOW)).toBe(10 * HOUR);
    expect(parseRetryAfter('99999999999999999999999', NOW)).toBe(10 * HOUR);
    expect(parseRetryAfter('Thu, 01 Jan 2099 00:00:00 GMT', NOW)).toBe(10 * HOUR);
  });

  it('reads an IMF-fixdate relative to now', () => {
    expect(parseRetryAfter('Mon, 04 May 2026 09:13:03 GMT', NOW)).toBe(30 * SECOND);
  });

  it('reads the obsolete RFC 850 and asctime forms (asctime is UTC)', () => {
    expect(parseRetryAfter('Monday, 04-May-26 09:13:03 GMT', NOW)).toBe(30 * SECOND);
    expect(parseRetryAfter('Mon May  4 09:13:03 2026', NOW)).toBe(30 * SECOND);
  });

  it('gives 0 for a date in the past', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter(NOW.toUTCString(), NOW)).toBe(0);
  });

  it('gives null without a header', () => {
    expect(parseRetryAfter(null, NOW)).toBeNull();
  });

  it.each([
    'soon',
    'in 2030',
    'later 2099',
    'Dec 25 2030',
    '2030-01-01T00:00:00Z',
    '1.5',
    '-5',
    '1e3',
    '0x10',
    '',
    '120s',
    'mon, 04 may 2026 09:13:03 gmt',
  ])('gives null for %p, which is neither delay-seconds nor an HTTP-date', (header) => {
    expect(parseRetryAfter(header, NOW)).toBeNull();
  });
});

describe('bounds of what a subscription sets for itself', () => {
  it('are 1 s per step and 30 retries', () => {
    expect(SUBSCRIPTION_MIN_RETRY_DELAY_MS).toBe(SECOND);
    expect(SUBSCRIPTION_MAX_RETRIES).toBe(30);
  });

  it('count a step below 1 s as 1 s and keep the others', () => {
    expect(boundedSubscriptionSchedule([1, 999, 1000, 5000])).toEqual([SECOND, SECOND, SECOND, 5 * SECOND]);
  });

  it('return a schedule within the bounds as it is, without copying it', () => {
    const schedule = [SECOND, HOUR];
    expect(boundedSubscriptionSchedule(schedule)).toBe(schedule);
  });

  it('count max_retries above 30 as 30', () => {
    expect(boundedSubscriptionMaxRetries(100)).toBe(30);
    expect(boundedSubscriptionMaxRetries(31)).toBe(30);
    expect(boundedSubscriptionMaxRetries(30)).toBe(30);
    expect(boundedSubscriptionMaxRetries(0)).toBe(0);
  });

  it('give nextRetryDelay a 1 s wait for a stored 1 ms step, and 30 retries for a stored 100', () => {
    const settings = {
      ...DEFAULTS,
      jitterRatio: 0,
      scheduleMs: boundedSubscriptionSchedule([1]),
      maxRetries: boundedSubscriptionMaxRetries(100),
    };
    expect(nextRetryDelay(settings, failure({ retryCount: 0 }), NOW, NO_JITTER)).toBe(SECOND);
    expect(nextRetryDelay(settings, failure({ retryCount: 29 }), NOW, NO_JITTER)).toBe(SECOND);
    expect(nextRetryDelay(settings, failure({ retryCount: 30 }), NOW, NO_JITTER)).toBeNull();
  });
});
