import { SubscriptionEntity } from '@hook0/db';
import { MASKED, toSubscriptionListView, toSubscriptionView } from './subscription.presenter';

const subscription = Object.assign(new SubscriptionEntity(), {
  subscriptionId: '5b1d0000-0000-4000-8000-000000000000',
  applicationId: '7f0e0000-0000-4000-8000-000000000000',
  isEnabled: true,
  description: 'Acme prod endpoint',
  secret: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  metadata: { team: 'billing' },
  labels: { tenant_id: 'acme' },
  eventTypes: ['billing.invoice.paid'],
  targetMethod: 'POST',
  targetUrl: 'https://hook:s3cret@hooks.acme.test/in?tenant=acme',
  targetHeaders: { 'x-api-key': 'k-live-123', authorization: 'Bearer receiver-token' },
  retryScheduleMs: [5000],
  maxRetries: 3,
  dedicatedWorkers: [],
  createdAt: new Date('2026-05-04T09:12:33Z'),
  updatedAt: new Date('2026-05-04T09:12:34Z'),
  deletedAt: null,
});

describe('toSubscriptionView', () => {
  it('shows every credential to a caller who may write', () => {
    const view = toSubscriptionView({ value: subscription, access: { mayWrite: true } });
    expect(view.secret).toBe(subscription.secret);
    expect(view.standard_webhooks_secret).toBe(`whsec_${Buffer.from(subscription.secret, 'utf8').toString('base64')}`);
    expect(view.target).toEqual({ type: 'http', method: 'POST', url: subscription.targetUrl, headers: subscription.targetHeaders });
  });

  it('hides the secrets, header values and URL password from a caller who may only read, and nothing else', () => {
    const full = toSubscriptionView({ value: subscription, access: { mayWrite: true } });
    const read = toSubscriptionView({ value: subscription, access: { mayWrite: false } });
    expect(read).toEqual({
      ...full,
      secret: null,
      standard_webhooks_secret: null,
      target: {
        type: 'http',
        method: 'POST',
        url: `https://hook:${MASKED}@hooks.acme.test/in?tenant=acme`,
        headers: { 'x-api-key': MASKED, authorization: MASKED },
      },
    });
    for (const credential of [subscription.secret, 's3cret', 'k-live-123', 'receiver-token'])
      expect(JSON.stringify(read)).not.toContain(credential);
  });

  it('leaves a URL without a password as stored', () => {
    const plain = Object.assign(new SubscriptionEntity(), { ...subscription, targetUrl: 'https://hooks.acme.test/in', targetHeaders: {} });
    expect(toSubscriptionView({ value: plain, access: { mayWrite: false } }).target).toEqual({
      type: 'http',
      method: 'POST',
      url: 'https://hooks.acme.test/in',
      headers: {},
    });
  });

  it('gives every item of a list the same access', () => {
    const views = toSubscriptionListView({ value: [subscription, subscription], access: { mayWrite: false }, health: new Map() });
    expect(views.map((view) => view.secret)).toEqual([null, null]);
  });

  it('shows a subscription no delivery reported on as healthy since its creation, and recorded health as it is', () => {
    expect(toSubscriptionView({ value: subscription, access: { mayWrite: true } }).health).toEqual({
      status: 'healthy',
      since: subscription.createdAt,
      consecutive_failures: 0,
      last_success_at: null,
      last_failure_at: null,
      disabled_reason: null,
      next_probe_at: null,
    });
    const at = new Date('2026-01-02T03:04:05Z');
    const health = {
      subscriptionId: subscription.subscriptionId,
      status: 'disabled' as const,
      since: at,
      consecutiveFailures: 3,
      lastSuccessAt: null,
      lastFailureAt: at,
      disabledReason: 'gone' as const,
      nextProbeAt: at,
    };
    expect(toSubscriptionView({ value: subscription, access: { mayWrite: false }, health }).health).toEqual({
      status: 'disabled',
      since: at,
      consecutive_failures: 3,
      last_success_at: null,
      last_failure_at: at,
      disabled_reason: 'gone',
      next_probe_at: at,
    });
  });
});
