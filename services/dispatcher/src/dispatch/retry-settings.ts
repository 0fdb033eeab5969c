import { boundedSubscriptionMaxRetries, boundedSubscriptionSchedule, type RetrySettings } from '@hook0/core';

/**
 * The instance defaults, overridden by a subscription's own schedule and limit where it has them (docs/hook0-compatibility.md "Subscriptions").
 * A subscription's own values are held to the bounds the API enforces (docs/security.md), for rows stored before it
 * did; the defaults are the operator's and are taken as they are.
 */
export function retrySettingsFor(
  subscription: { readonly retryScheduleMs: readonly number[] | null; readonly maxRetries: number | null },
  defaults: RetrySettings,
): RetrySettings {
  const schedule = subscription.retryScheduleMs;
  return {
    ...defaults,
    scheduleMs: schedule !== null && schedule.length > 0 ? boundedSubscriptionSchedule(schedule) : defaults.scheduleMs,
    maxRetries: subscription.maxRetries === null ? defaults.maxRetries : boundedSubscriptionMaxRetries(subscription.maxRetries),
  };
}
