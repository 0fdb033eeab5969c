import type { RetrySettings } from '@hook0/core';

/** The instance defaults, overridden by a subscription's own schedule and limit where it has them (HOOK0_API.md §14.4). */
export function retrySettingsFor(
  subscription: { readonly retryScheduleMs: readonly number[] | null; readonly maxRetries: number | null },
  defaults: RetrySettings,
): RetrySettings {
  const schedule = subscription.retryScheduleMs;
  return {
    ...defaults,
    scheduleMs: schedule !== null && schedule.length > 0 ? schedule : defaults.scheduleMs,
    maxRetries: subscription.maxRetries ?? defaults.maxRetries,
  };
}
