import type { components } from '@hook0-ts/sdk/api-types';

type Health = components['schemas']['Subscription']['health'];

const HEALTH_LABELS: Record<Health['status'], string> = {
  healthy: 'Healthy',
  failing: 'Failing',
  disabled: 'Disabled by health',
};

/** A subscription's health status in words (docs/guarantees.md "Subscription health"). */
export function healthLabel(status: Health['status']): string {
  return HEALTH_LABELS[status];
}

/** Why health disabled a subscription, or null when it did not. */
export function disabledReasonText(reason: Health['disabled_reason']): string | null {
  if (reason === 'gone') return 'the endpoint answered 410 Gone';
  if (reason === 'failing') return 'every delivery failed for too long';
  return null;
}

/** A date and time from the API, in the reader's locale; `fallback` when there is none. */
export function formatDateTime(iso: string | null, fallback = '—', locale?: string, timeZone?: string): string {
  if (iso === null) return fallback;
  return new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
}

/** A ratio from 0 to 1 as a percentage with one decimal; `fallback` for null. */
export function formatRate(rate: number | null, fallback = '—'): string {
  return rate === null ? fallback : `${(rate * 100).toFixed(1)} %`;
}

/** Milliseconds, rounded; `fallback` for null. */
export function formatMilliseconds(ms: number | null, fallback = '—'): string {
  return ms === null ? fallback : `${Math.round(ms)} ms`;
}

/** A subscription's name in lists and titles: its description, or a stand-in when it has none. */
export function subscriptionName(description: string | null): string {
  return description === null || description.trim() === '' ? 'Untitled subscription' : description;
}
