import type { components } from '@hook0-ts/sdk/api-types';
import {
  emptySubscriptionForm,
  formToBody,
  subscriptionToForm,
  toggleEventType,
  withEnabled,
  type SubscriptionForm,
} from './subscription-form';

const APPLICATION_ID = '6c1f0a7e-8a43-4b7c-9d0e-2f1a3b4c5d6e';

const subscription: components['schemas']['Subscription'] = {
  application_id: APPLICATION_ID,
  subscription_id: 'a1b2c3d4-0000-4000-8000-000000000001',
  created_at: '2025-01-02T03:04:05.000Z',
  updated_at: null,
  dedicated_workers: ['eu'],
  description: 'Orders to billing',
  event_types: ['billing.invoice.paid', 'billing.invoice.failed'],
  health: {
    status: 'healthy',
    since: '2025-01-02T03:04:05.000Z',
    consecutive_failures: 0,
    last_success_at: null,
    last_failure_at: null,
    disabled_reason: null,
    next_probe_at: null,
  },
  is_enabled: true,
  label_key: 'tenant',
  label_value: 'acme',
  labels: { tenant: 'acme', env: 'prod' },
  max_deliveries_per_second: 2.5,
  max_in_flight: 4,
  max_retries: 3,
  metadata: { owner: 'billing-team' },
  retry_schedule: ['5s', '1m', '10m'],
  secret: 'c2VjcmV0',
  standard_webhooks_secret: 'whsec_c2VjcmV0',
  target: { type: 'http', method: 'PUT', url: 'https://billing.example/hooks', headers: { authorization: 'Bearer t' } },
};

describe('formToBody', () => {
  it('maps a filled form to the POST body, dropping blank rows and turning empty numbers into the instance default', () => {
    const form: SubscriptionForm = {
      ...emptySubscriptionForm(),
      description: 'Orders',
      url: ' https://receiver.example/hook ',
      method: 'PATCH',
      eventTypes: ['shop.order.created'],
      labels: [
        { name: 'tenant', value: 'acme' },
        { name: '', value: '' },
      ],
      headers: [{ name: 'X-Api-Key', value: 'k1' }],
      retrySchedule: '5s, 1m  10m,',
      maxRetries: '4',
      maxInFlight: '',
      maxDeliveriesPerSecond: '0.5',
    };
    expect(formToBody(form, APPLICATION_ID)).toEqual({
      application_id: APPLICATION_ID,
      is_enabled: true,
      description: 'Orders',
      event_types: ['shop.order.created'],
      labels: { tenant: 'acme' },
      metadata: {},
      target: { type: 'http', method: 'PATCH', url: 'https://receiver.example/hook', headers: { 'X-Api-Key': 'k1' } },
      retry_schedule: ['5s', '1m', '10m'],
      max_retries: 4,
      max_in_flight: null,
      max_deliveries_per_second: 0.5,
      dedicated_workers: [],
    });
  });

  it('sends a blank description as null, no delays as the default schedule, and keeps a half-filled row for the API to refuse', () => {
    const body = formToBody({ ...emptySubscriptionForm(), description: '   ', labels: [{ name: 'tenant', value: '' }] }, APPLICATION_ID);
    expect(body.description).toBeNull();
    expect(body.retry_schedule).toBeNull();
    expect(body.labels).toEqual({ tenant: '' });
    expect(body.target.headers).toEqual({});
  });
});

describe('subscriptionToForm', () => {
  it('round-trips a subscription: the body it gives back is the subscription as it was', () => {
    expect(formToBody(subscriptionToForm(subscription), APPLICATION_ID)).toEqual({
      application_id: APPLICATION_ID,
      is_enabled: true,
      description: 'Orders to billing',
      event_types: ['billing.invoice.paid', 'billing.invoice.failed'],
      labels: { tenant: 'acme', env: 'prod' },
      metadata: { owner: 'billing-team' },
      target: { type: 'http', method: 'PUT', url: 'https://billing.example/hooks', headers: { authorization: 'Bearer t' } },
      retry_schedule: ['5s', '1m', '10m'],
      max_retries: 3,
      max_in_flight: 4,
      max_deliveries_per_second: 2.5,
      dedicated_workers: ['eu'],
    });
  });

  it('shows the instance defaults as empty inputs', () => {
    const form = subscriptionToForm({ ...subscription, description: null, retry_schedule: null, max_retries: null, max_in_flight: null });
    expect(form).toMatchObject({ description: '', retrySchedule: '', maxRetries: '', maxInFlight: '' });
  });
});

describe('withEnabled', () => {
  it('changes is_enabled only', () => {
    const disabled = withEnabled(subscription, false);
    expect(disabled.is_enabled).toBe(false);
    expect({ ...disabled, is_enabled: true }).toEqual(formToBody(subscriptionToForm(subscription), APPLICATION_ID));
  });
});

describe('toggleEventType', () => {
  it('adds a ticked type once and removes an unticked one', () => {
    expect(toggleEventType(['a.b.c'], 'd.e.f', true)).toEqual(['a.b.c', 'd.e.f']);
    expect(toggleEventType(['a.b.c', 'd.e.f'], 'd.e.f', true)).toEqual(['a.b.c', 'd.e.f']);
    expect(toggleEventType(['a.b.c', 'd.e.f'], 'a.b.c', false)).toEqual(['d.e.f']);
  });
});
