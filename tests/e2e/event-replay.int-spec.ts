import { type ServiceProcess, waitFor, WebhookReceiver, type ReceivedRequest } from '@hook0/testing';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../services/api/test/api-harness';
import { startDispatcherFor } from './support/dispatcher-for-api';
import { ingestEvent } from '../../services/api/test/event-requests';
import { subscriptionBody } from '../../services/api/test/subscription.fixtures';

interface Attempt {
  readonly request_attempt_id: string;
  readonly retry_count: number;
  readonly subscription: { readonly subscription_id: string };
  readonly status: { readonly type: string };
}

/** Replay through real processes (docs/hook0-compatibility.md "Events", "Retries"): fresh first attempts for the subscriptions matching now. */
describe('event replay, end to end', () => {
  const receiver = new WebhookReceiver();
  let harness: ApiHarness;
  let dispatcher: ServiceProcess;
  let tenant: Tenant;
  let auth: Record<string, string>;

  beforeAll(async () => {
    await receiver.start();
    harness = await startApiHarness();
    dispatcher = await startDispatcherFor(harness);
    tenant = await createTenant(harness);
    auth = { Authorization: `Bearer ${tenant.secret}` };
  });
  afterAll(async () => {
    await dispatcher?.terminate();
    await harness?.close();
    await receiver.stop();
  });

  const subscribe = async (path: string, overrides: Record<string, unknown> = {}) =>
    (
      await harness
        .http()
        .post('/subscriptions')
        .set(auth)
        .send(
          subscriptionBody(tenant.applicationId, {
            target: { type: 'http', method: 'POST', url: `${receiver.url}${path}`, headers: {} },
            ...overrides,
          }),
        )
        .expect(201)
    ).body.subscription_id as string;
  const attemptsOf = async (eventId: string): Promise<Attempt[]> =>
    (await harness.http().get('/request_attempts').query({ application_id: tenant.applicationId, event_id: eventId }).set(auth).expect(200))
      .body;
  const deliveriesOf = (eventId: string, path: string) =>
    receiver.requests.filter((r: ReceivedRequest) => r.headers['x-event-id'] === eventId && r.path === path);

  it('delivers a replayed event again to the first subscription and, now, to one added since', async () => {
    const first = await subscribe('/first');
    const eventId = await ingestEvent(harness, tenant);
    await waitFor(async () => (deliveriesOf(eventId, '/first').length === 1 ? true : undefined), 'the first delivery');

    const second = await subscribe('/second');
    const disabled = await subscribe('/disabled', { is_enabled: false });
    const otherLabels = await subscribe('/other-labels', { labels: { tenant_id: 'globex' } });
    await harness.http().post(`/events/${eventId}/replay`).set(auth).send({ application_id: tenant.applicationId }).expect(204);

    await waitFor(
      async () => (deliveriesOf(eventId, '/first').length === 2 && deliveriesOf(eventId, '/second').length === 1 ? true : undefined),
      'the replayed deliveries',
    );
    const attempts = await waitFor(async () => {
      const all = await attemptsOf(eventId);
      return all.length === 3 && all.every((attempt) => attempt.status.type === 'successful') ? all : undefined;
    }, 'three successful attempts');
    const bySubscription = (id: string) => attempts.filter((attempt) => attempt.subscription.subscription_id === id);
    expect(bySubscription(first)).toHaveLength(2);
    expect(bySubscription(second)).toHaveLength(1);
    expect(attempts.map((attempt) => attempt.retry_count)).toEqual([0, 0, 0]);
    expect(new Set(attempts.map((attempt) => attempt.request_attempt_id)).size).toBe(3);
    expect(bySubscription(disabled)).toEqual([]);
    expect(bySubscription(otherLabels)).toEqual([]);
    expect(deliveriesOf(eventId, '/disabled')).toEqual([]);
    expect(deliveriesOf(eventId, '/other-labels')).toEqual([]);
  });
});
