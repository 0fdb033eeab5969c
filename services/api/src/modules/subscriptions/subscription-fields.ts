import { parseDuration, ProblemError } from '@hook0/core';
import type { SubscriptionFields } from '@hook0/db';
import type { SubscriptionPostDto } from './subscription.dto';

type LabelInput = Pick<SubscriptionPostDto, 'labels' | 'label_key' | 'label_value'>;

/** `labels` wins; else both legacy fields make one label; else the request is ambiguous (docs/hook0-compatibility.md "Subscriptions"). */
export function resolveLabels(input: LabelInput): Record<string, string> {
  if (input.labels !== undefined && input.labels !== null) return input.labels;
  if (typeof input.label_key === 'string' && typeof input.label_value === 'string') return { [input.label_key]: input.label_value };
  throw new ProblemError('LabelsAmbiguity');
}

function lowerCaseNames(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** The stored form of a validated request: labels resolved, URL normalized, header names lower-cased, durations in ms. */
export function toSubscriptionFields(input: SubscriptionPostDto): SubscriptionFields {
  return {
    isEnabled: input.is_enabled,
    eventTypes: input.event_types,
    description: input.description ?? null,
    metadata: input.metadata ?? {},
    labels: resolveLabels(input),
    targetMethod: input.target.method,
    targetUrl: new URL(input.target.url).toString(),
    targetHeaders: lowerCaseNames(input.target.headers),
    retryScheduleMs: input.retry_schedule?.map((delay) => parseDuration(delay) as number) ?? null,
    maxRetries: input.max_retries ?? null,
    maxInFlight: input.max_in_flight ?? null,
    maxDeliveriesPerSecond: input.max_deliveries_per_second ?? null,
    dedicatedWorkers: input.dedicated_workers ?? [],
  };
}
