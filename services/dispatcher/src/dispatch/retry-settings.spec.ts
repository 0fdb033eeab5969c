import type { RetrySettings } from '@hook0/core';
import { retrySettingsFor } from './retry-settings';

const defaults: RetrySettings = {
  scheduleMs: [3000, 10000],
  maxRetries: 24,
  jitterRatio: 0.1,
  jitterMinSpreadMs: 2000,
  jitterMaxSpreadMs: 900000,
};

describe('retrySettingsFor', () => {
  it('uses the instance defaults when the subscription has none', () => {
    expect(retrySettingsFor({ retryScheduleMs: null, maxRetries: null }, defaults)).toEqual(defaults);
  });

  it("uses the subscription's schedule and limit, keeping the instance jitter", () => {
    expect(retrySettingsFor({ retryScheduleMs: [1500], maxRetries: 0 }, defaults)).toEqual({
      ...defaults,
      scheduleMs: [1500],
      maxRetries: 0,
    });
  });

  it('counts a stored step below 1 s as 1 s and a stored max_retries above 30 as 30 (rows from before the rule)', () => {
    expect(retrySettingsFor({ retryScheduleMs: [1, 500, 2000], maxRetries: 100 }, defaults)).toEqual({
      ...defaults,
      scheduleMs: [1000, 1000, 2000],
      maxRetries: 30,
    });
  });

  it("leaves the operator's own defaults free, below 1 s or above 30 retries", () => {
    const operator: RetrySettings = { ...defaults, scheduleMs: [100, 300], maxRetries: 500 };
    expect(retrySettingsFor({ retryScheduleMs: null, maxRetries: null }, operator)).toEqual(operator);
    expect(retrySettingsFor({ retryScheduleMs: [], maxRetries: null }, operator)).toEqual(operator);
  });

  it('ignores an empty schedule', () => {
    expect(retrySettingsFor({ retryScheduleMs: [], maxRetries: 3 }, defaults).scheduleMs).toEqual([3000, 10000]);
  });
});
