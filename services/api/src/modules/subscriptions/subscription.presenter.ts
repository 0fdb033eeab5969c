import { formatDuration, standardWebhooksSecret } from '@hook0/core';
import type { SubscriptionEntity, SubscriptionHealth } from '@hook0/db';
import type { Authorized } from '../../auth/grants';

/** What a caller who may only read sees in place of a credential. */
export const MASKED = '***';

/** The target URL without the password of its userinfo, which the sender turns into Basic credentials. */
function maskedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password === '') return url;
  parsed.password = MASKED;
  return parsed.toString();
}

const maskedHeaders = (headers: Record<string, string>) => Object.fromEntries(Object.keys(headers).map((name) => [name, MASKED]));

/**
 * Hook0's `Subscription`, plus `standard_webhooks_secret`, `retry_schedule`, `max_retries`, `max_in_flight` and
 * `max_deliveries_per_second` (docs/hook0-compatibility.md "Subscriptions").
 * A caller who may only read gets `secret` and `standard_webhooks_secret` as null, and the target's header values
 * and URL password as `***`: with them it could sign webhooks or call the receivers as this server does.
 */
/** A subscription as its service returns it: with the health the dispatchers recorded (null before any delivery). */
export type SubscriptionDetails = Authorized<SubscriptionEntity> & { readonly health?: SubscriptionHealth | null };

/** Health as the API shows it (docs/guarantees.md "Subscription health"): healthy since creation until a delivery says otherwise. */
function toHealthView(subscription: SubscriptionEntity, health: SubscriptionHealth | null | undefined) {
  return {
    status: health?.status ?? 'healthy',
    since: health?.since ?? subscription.createdAt,
    consecutive_failures: health?.consecutiveFailures ?? 0,
    last_success_at: health?.lastSuccessAt ?? null,
    last_failure_at: health?.lastFailureAt ?? null,
    disabled_reason: health?.disabledReason ?? null,
    next_probe_at: health?.nextProbeAt ?? null,
  };
}

export function toSubscriptionView({ value: subscription, access, health }: SubscriptionDetails) {
  const [firstLabel] = Object.entries(subscription.labels);
  const secret = access.mayWrite ? subscription.secret : null;
  return {
    application_id: subscription.applicationId,
    subscription_id: subscription.subscriptionId,
    is_enabled: subscription.isEnabled,
    event_types: subscription.eventTypes,
    description: subscription.description,
    secret,
    metadata: subscription.metadata,
    label_key: firstLabel?.[0] ?? null,
    label_value: firstLabel?.[1] ?? null,
    labels: subscription.labels,
    target: {
      type: 'http',
      method: subscription.targetMethod,
      url: access.mayWrite ? subscription.targetUrl : maskedUrl(subscription.targetUrl),
      headers: access.mayWrite ? subscription.targetHeaders : maskedHeaders(subscription.targetHeaders),
    },
    created_at: subscription.createdAt,
    updated_at: subscription.updatedAt,
    dedicated_workers: subscription.dedicatedWorkers,
    standard_webhooks_secret: secret === null ? null : standardWebhooksSecret(secret),
    retry_schedule: subscription.retryScheduleMs?.map(formatDuration) ?? null,
    max_retries: subscription.maxRetries,
    max_in_flight: subscription.maxInFlight,
    max_deliveries_per_second: subscription.maxDeliveriesPerSecond,
    health: toHealthView(subscription, health),
  };
}

export function toSubscriptionListView({
  value,
  access,
  health,
}: Authorized<readonly SubscriptionEntity[]> & { readonly health: ReadonlyMap<string, SubscriptionHealth> }) {
  return value.map((subscription) => toSubscriptionView({ value: subscription, access, health: health.get(subscription.subscriptionId) }));
}
