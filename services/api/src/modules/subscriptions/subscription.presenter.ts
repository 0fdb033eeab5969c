import { formatDuration, standardWebhooksSecret } from '@hook0/core';
import type { SubscriptionEntity } from '@hook0/db';

/** Hook0's `Subscription`, plus `standard_webhooks_secret`, `retry_schedule`, `max_retries`, `max_in_flight` and `max_deliveries_per_second` (HOOK0_API.md §14). */
export function toSubscriptionView(subscription: SubscriptionEntity) {
  const [firstLabel] = Object.entries(subscription.labels);
  return {
    application_id: subscription.applicationId,
    subscription_id: subscription.subscriptionId,
    is_enabled: subscription.isEnabled,
    event_types: subscription.eventTypes,
    description: subscription.description,
    secret: subscription.secret,
    metadata: subscription.metadata,
    label_key: firstLabel?.[0] ?? null,
    label_value: firstLabel?.[1] ?? null,
    labels: subscription.labels,
    target: { type: 'http', method: subscription.targetMethod, url: subscription.targetUrl, headers: subscription.targetHeaders },
    created_at: subscription.createdAt,
    updated_at: subscription.updatedAt,
    dedicated_workers: subscription.dedicatedWorkers,
    standard_webhooks_secret: standardWebhooksSecret(subscription.secret),
    retry_schedule: subscription.retryScheduleMs?.map(formatDuration) ?? null,
    max_retries: subscription.maxRetries,
    max_in_flight: subscription.maxInFlight,
    max_deliveries_per_second: subscription.maxDeliveriesPerSecond,
  };
}
