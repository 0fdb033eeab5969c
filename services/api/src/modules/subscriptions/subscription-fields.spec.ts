import { type ProblemError } from '@hook0/core';
import type { SubscriptionPostDto } from './subscription.dto';
import { resolveLabels, toSubscriptionFields } from './subscription-fields';

function dto(overrides: Partial<SubscriptionPostDto> = {}): SubscriptionPostDto {
  return {
    application_id: '7f0e0000-0000-4000-8000-000000000000',
    is_enabled: true,
    event_types: ['billing.invoice.paid'],
    labels: { tenant_id: 'acme' },
    target: { type: 'http', method: 'POST', url: 'https://Hooks.Acme.test', headers: { 'X-Api-Key': 'k' } },
    ...overrides,
  } as SubscriptionPostDto;
}

describe('resolveLabels (docs/hook0-compatibility.md "Subscriptions")', () => {
  it('uses labels when present, ignoring the legacy pair', () => {
    expect(resolveLabels({ labels: { a: '1' }, label_key: 'k', label_value: 'v' })).toEqual({ a: '1' });
  });

  it('builds one label from label_key and label_value when labels is absent or null', () => {
    expect(resolveLabels({ label_key: 'k', label_value: 'v' })).toEqual({ k: 'v' });
    expect(resolveLabels({ labels: null, label_key: 'k', label_value: 'v' })).toEqual({ k: 'v' });
  });

  it('keeps a legacy key named __proto__ as an ordinary own key', () => {
    const labels = resolveLabels({ label_key: '__proto__', label_value: 'v' });
    expect(Object.keys(labels)).toEqual(['__proto__']);
    expect(JSON.stringify(labels)).toBe('{"__proto__":"v"}');
  });

  it.each([
    ['nothing', {}],
    ['only label_key', { label_key: 'k' }],
    ['only label_value', { label_value: 'v' }],
    ['null everywhere', { labels: null, label_key: null, label_value: null }],
  ])('throws LabelsAmbiguity for %s', (_case, input) => {
    expect(() => resolveLabels(input)).toThrow(expect.objectContaining({ problemId: 'LabelsAmbiguity' }) as unknown as ProblemError);
  });
});

describe('toSubscriptionFields', () => {
  it('normalizes the URL, lower-cases header names and fills the defaults', () => {
    expect(toSubscriptionFields(dto())).toEqual({
      isEnabled: true,
      eventTypes: ['billing.invoice.paid'],
      description: null,
      metadata: {},
      labels: { tenant_id: 'acme' },
      targetMethod: 'POST',
      targetUrl: 'https://hooks.acme.test/',
      targetHeaders: { 'x-api-key': 'k' },
      retryScheduleMs: null,
      maxRetries: null,
      maxInFlight: null,
      maxDeliveriesPerSecond: null,
      dedicatedWorkers: [],
    });
  });

  it('converts the retry schedule to milliseconds and keeps max_retries, including 0', () => {
    const fields = toSubscriptionFields(dto({ retry_schedule: ['1ms', '1.5s', '2m', '1h', '10d'], max_retries: 0 }));
    expect(fields.retryScheduleMs).toEqual([1, 1500, 120_000, 3_600_000, 864_000_000]);
    expect(fields.maxRetries).toBe(0);
  });
});
