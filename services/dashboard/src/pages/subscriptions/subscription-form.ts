import type { components } from '@hook0-ts/sdk/api-types';

type Subscription = components['schemas']['Subscription'];
export type SubscriptionBody = components['schemas']['SubscriptionPostDto'];
export type HttpMethod = components['schemas']['HttpTargetDto']['method'];

/** The methods the API accepts for a target, POST first as the usual choice. */
export const HTTP_METHODS: readonly HttpMethod[] = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE', 'OPTIONS', 'HEAD'];

export interface KeyValueRow {
  readonly name: string;
  readonly value: string;
}

/** What the subscription form edits: text as typed, numbers as their input's text ('' = the instance default). */
export interface SubscriptionForm {
  readonly description: string;
  readonly url: string;
  readonly method: HttpMethod;
  readonly eventTypes: readonly string[];
  readonly labels: readonly KeyValueRow[];
  readonly headers: readonly KeyValueRow[];
  /** Delays separated by commas or spaces, such as `5s, 1m, 10m`. */
  readonly retrySchedule: string;
  readonly maxRetries: string;
  readonly maxInFlight: string;
  readonly maxDeliveriesPerSecond: string;
  readonly isEnabled: boolean;
  /** Not edited here, but sent back unchanged: PUT replaces the whole subscription. */
  readonly metadata: Readonly<Record<string, string>>;
  readonly dedicatedWorkers: readonly string[];
}

export const EMPTY_ROW: KeyValueRow = { name: '', value: '' };

export function emptySubscriptionForm(): SubscriptionForm {
  return {
    description: '',
    url: '',
    method: 'POST',
    eventTypes: [],
    labels: [EMPTY_ROW],
    headers: [],
    retrySchedule: '',
    maxRetries: '',
    maxInFlight: '',
    maxDeliveriesPerSecond: '',
    isEnabled: true,
    metadata: {},
    dedicatedWorkers: [],
  };
}

const toRows = (map: Readonly<Record<string, string>>): KeyValueRow[] => Object.entries(map).map(([name, value]) => ({ name, value }));
const numberText = (value: number | null): string => (value === null ? '' : String(value));

function isHttpMethod(method: string): method is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(method);
}

/** The form filled with a subscription as an editor reads it (header values and URL unmasked). */
export function subscriptionToForm(subscription: Subscription): SubscriptionForm {
  return {
    description: subscription.description ?? '',
    url: subscription.target.url,
    method: isHttpMethod(subscription.target.method) ? subscription.target.method : 'POST',
    eventTypes: subscription.event_types,
    labels: toRows(subscription.labels),
    headers: toRows(subscription.target.headers),
    retrySchedule: subscription.retry_schedule?.join(', ') ?? '',
    maxRetries: numberText(subscription.max_retries),
    maxInFlight: numberText(subscription.max_in_flight),
    maxDeliveriesPerSecond: numberText(subscription.max_deliveries_per_second),
    isEnabled: subscription.is_enabled,
    metadata: subscription.metadata,
    dedicatedWorkers: subscription.dedicated_workers,
  };
}

/** Rows left entirely blank are dropped; a half-filled row is sent as it is, so the API names what is missing. */
function toMap(rows: readonly KeyValueRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((row) => row.name.trim() !== '' || row.value !== '').map((row) => [row.name, row.value]));
}

const toNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text));

function toSchedule(text: string): string[] | null {
  const delays = text.split(/[\s,]+/).filter((delay) => delay !== '');
  return delays.length === 0 ? null : delays;
}

/** The body of POST /subscriptions and PUT /subscriptions/{id} for this form. */
export function formToBody(form: SubscriptionForm, applicationId: string): SubscriptionBody {
  return {
    application_id: applicationId,
    is_enabled: form.isEnabled,
    description: form.description.trim() === '' ? null : form.description,
    event_types: [...form.eventTypes],
    labels: toMap(form.labels),
    metadata: { ...form.metadata },
    target: { type: 'http', method: form.method, url: form.url.trim(), headers: toMap(form.headers) },
    retry_schedule: toSchedule(form.retrySchedule),
    max_retries: toNumber(form.maxRetries),
    max_in_flight: toNumber(form.maxInFlight),
    max_deliveries_per_second: toNumber(form.maxDeliveriesPerSecond),
    dedicated_workers: [...form.dedicatedWorkers],
  };
}

/** The PUT body that enables or disables a subscription and keeps everything else as it is. */
export function withEnabled(subscription: Subscription, isEnabled: boolean): SubscriptionBody {
  return formToBody({ ...subscriptionToForm(subscription), isEnabled }, subscription.application_id);
}

/** Ticks or unticks one event type, keeping the others in their order. */
export function toggleEventType(selected: readonly string[], name: string, checked: boolean): string[] {
  const others = selected.filter((selectedName) => selectedName !== name);
  return checked ? [...others, name] : others;
}
