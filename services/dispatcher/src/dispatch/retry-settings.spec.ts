import type { RetrySettings } from '@hook0/core';
import { retrySettingsFor } from './retry-settings';

const defaults: RetrySettings = { scheduleMs: [3000, 10000], maxRetries: 24, jitterRatio: 0.1, jitterMinSpreadMs: 2000, jitterMaxSpreadMs: 900000 };

describe('retrySettingsFor', () => {
  it('uses the instance defaults when the subscription has none', () => {
    expect(retrySettingsFor({ retryScheduleMs: null, maxRetries: null }, defaults)).toEqual(defaults);
  });

  it("uses the subscription's schedule and limit, keeping the instance jitter", () => {
    expect(retrySettingsFor({ retryScheduleMs: [500], maxRetries: 0 }, defaults)).toEqual({ ...defaults, scheduleMs: [500], maxRetries: 0 });
  });

  it('ignores an empty schedule', () => {
    expect(retrySettingsFor({ retryScheduleMs: [], maxRetries: 3 }, defaults).scheduleMs).toEqual([3000, 10000]);
  });
});
