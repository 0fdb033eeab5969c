import { type ServiceProcess, waitFor, WebhookReceiver, type ReceivedRequest } from '@hook0/testing';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../services/api/test/api-harness';
import { startDispatcherFor } from './support/dispatcher-for-api';
import { ingestEvent } from '../../services/api/test/event-requests';
import { subscriptionBody } from '../../services/api/test/subscription.fixtures';

const OPERATIONAL_TYPES = ['hook0.subscription.disabled', 'hook0.subscription.recovered', 'hook0.attempt.exhausted'];

interface OperationalPayload {
  readonly organization_id: string;
  readonly application_id: string;
  readonly subscription_id: string;
  readonly reason?: string;
  readonly request_attempt_id?: string;
}

const eventType = (request: ReceivedRequest) => String(request.headers['x-event-type']);
const payloadOf = (request: ReceivedRequest) => JSON.parse(request.body.toString('utf8')) as OperationalPayload;
const eventIdOf = (request: ReceivedRequest) => String(request.headers['x-event-id']);

/**
 * Subscription health on real processes (docs/guarantees.md "Subscription health"): the API, a dispatcher, a receiver
 * that answers 410 and later recovers, a failing one, and the operators' receiver for operational webhooks.
 */
describe('subscription health, end to end', () => {
  const receiver = new WebhookReceiver();
  const operators = new WebhookReceiver();
  const goneOperators = new WebhookReceiver();
  let harness: ApiHarness;
  let dispatcher: ServiceProcess;
  let tenant: Tenant;
  let operations: Tenant;
  let auth: Record<string, string>;

  beforeAll(async () => {
    for (const server of [receiver, operators, goneOperators]) await server.start();
    goneOperators.respondWith(() => ({ status: 410 }));
    harness = await startApiHarness();
    tenant = await createTenant(harness);
    operations = await createTenant(harness, OPERATIONAL_TYPES);
    auth = { Authorization: `Bearer ${tenant.secret}` };
    for (const url of [operators.url, goneOperators.url]) {
      const target = { type: 'http', method: 'POST', url: `${url}/ops`, headers: {} };
      await harness
        .http()
        .post('/subscriptions')
        .set({ Authorization: `Bearer ${operations.secret}` })
        .send(subscriptionBody(operations.applicationId, { event_types: OPERATIONAL_TYPES, labels: { instance: '1' }, target }))
        .expect(201);
    }
    dispatcher = await startDispatcherFor(harness, {
      RETRY_SCHEDULE: '1s',
      SUBSCRIPTION_DISABLE_AFTER: '2s',
      SUBSCRIPTION_DISABLE_MIN_FAILURES: '3',
      SUBSCRIPTION_PROBE_INTERVAL: '1s',
      SUBSCRIPTION_PROBE_MAX_INTERVAL: '2s',
      SUBSCRIPTION_REDRIVE_RATE: '5',
      SUBSCRIPTION_HEALTH_CHECK_INTERVAL: '200ms',
      OPERATIONAL_WEBHOOKS_APPLICATION_ID: operations.applicationId,
    });
  });
  afterAll(async () => {
    await dispatcher?.terminate();
    await harness?.close();
    for (const server of [receiver, operators, goneOperators]) await server.stop();
  });

  async function subscribe(path: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const target = { type: 'http', method: 'POST', url: `${receiver.url}${path}`, headers: {} };
    const body = subscriptionBody(tenant.applicationId, { target, max_in_flight: 1, ...overrides });
    return (await harness.http().post('/subscriptions').set(auth).send(body).expect(201)).body.subscription_id as string;
  }

  interface HealthRead {
    readonly isEnabled: boolean;
    readonly status: string;
    readonly consecutive_failures: number;
    readonly disabled_reason: string | null;
  }

  async function healthOf(subscriptionId: string): Promise<HealthRead> {
    const response = await harness.http().get(`/subscriptions/${subscriptionId}`).set(auth).expect(200);
    return { isEnabled: response.body.is_enabled as boolean, ...(response.body.health as Omit<HealthRead, 'isEnabled'>) };
  }

  async function attemptStatuses(eventId: string): Promise<string[]> {
    const response = await harness
      .http()
      .get('/request_attempts')
      .query({ application_id: tenant.applicationId, event_id: eventId })
      .set(auth)
      .expect(200);
    return (response.body as { status: { type: string } }[]).map((attempt) => attempt.status.type);
  }

  const operational = (type: string, subscriptionId: string) =>
    waitFor(
      async () =>
        operators.requests.find((request) => eventType(request) === type && payloadOf(request).subscription_id === subscriptionId),
      `${type} for ${subscriptionId}`,
    );

  it('disables on a 410, holds what comes meanwhile, and once a probe succeeds delivers everything that waited', async () => {
    receiver.respondWith((request) => ({ status: request.path === '/gone' ? 410 : 200 }));
    const subscriptionId = await subscribe('/gone');
    const first = await ingestEvent(harness, tenant, { occurred_at: '2026-05-04T09:00:00Z' });
    await waitFor(async () => ((await healthOf(subscriptionId)).status === 'disabled' ? true : undefined), 'the subscription disabled');
    expect(await healthOf(subscriptionId)).toMatchObject({ isEnabled: true, disabled_reason: 'gone', consecutive_failures: 1 });
    const disabled = await operational('hook0.subscription.disabled', subscriptionId);
    expect(payloadOf(disabled)).toEqual({
      organization_id: tenant.organizationId,
      application_id: tenant.applicationId,
      subscription_id: subscriptionId,
      reason: 'gone',
    });

    const waiting: string[] = [];
    for (const minute of ['01', '02', '03'])
      waiting.push(await ingestEvent(harness, tenant, { occurred_at: `2026-05-04T09:${minute}:00Z` }));
    for (const eventId of waiting) {
      await waitFor(async () => ((await attemptStatuses(eventId)).join() === 'waiting' ? true : undefined), `event ${eventId} waiting`);
    }
    const sentWhileDisabled = receiver.requests.filter((request) => request.path === '/gone').length;

    receiver.respondWith(() => ({ status: 200 }));
    await operational('hook0.subscription.recovered', subscriptionId);
    const delivered = await waitFor(async () => {
      const successes = receiver.requests.slice(sentWhileDisabled).map(eventIdOf);
      return waiting.every((eventId) => successes.includes(eventId)) && successes.includes(first) ? successes : undefined;
    }, 'every held delivery');
    // Released oldest event first (the repository's test checks that order); a probe that failed before the
    // receiver recovered leaves a retry of its own, due later, so arrival order is not asserted here.
    expect(new Set(delivered.filter((eventId) => waiting.includes(eventId)))).toEqual(new Set(waiting));
    expect(await healthOf(subscriptionId)).toMatchObject({ status: 'healthy', consecutive_failures: 0, disabled_reason: null });
    for (const eventId of [first, ...waiting]) expect(await attemptStatuses(eventId)).toContain('successful');
  });

  it('disables a subscription that keeps failing once the streak is long and old enough, and tells the operators', async () => {
    receiver.respondWith((request) => ({ status: request.path === '/failing' ? 500 : 200 }));
    const subscriptionId = await subscribe('/failing');
    await ingestEvent(harness, tenant);
    await waitFor(async () => ((await healthOf(subscriptionId)).status === 'failing' ? true : undefined), 'the subscription failing');
    await waitFor(async () => ((await healthOf(subscriptionId)).status === 'disabled' ? true : undefined), 'the subscription disabled');
    const health = await healthOf(subscriptionId);
    expect(health).toMatchObject({ isEnabled: true, disabled_reason: 'failing' });
    expect(health.consecutive_failures).toBeGreaterThanOrEqual(3);
    expect(payloadOf(await operational('hook0.subscription.disabled', subscriptionId)).reason).toBe('failing');
  });

  it('tells the operators of each exhausted delivery', async () => {
    receiver.respondWith((request) => ({ status: request.path === '/exhausted' ? 500 : 200 }));
    const subscriptionId = await subscribe('/exhausted', { max_retries: 0 });
    const eventId = await ingestEvent(harness, tenant);
    const exhausted = payloadOf(await operational('hook0.attempt.exhausted', subscriptionId));
    expect(exhausted).toMatchObject({ application_id: tenant.applicationId, subscription_id: subscriptionId, event_id: eventId });
  });

  it("says nothing about the operators' own application, even when one of its subscriptions is disabled", async () => {
    const operationsAuth = { Authorization: `Bearer ${operations.secret}` };
    await waitFor(async () => {
      const response = await harness.http().get('/subscriptions').query({ application_id: operations.applicationId }).set(operationsAuth);
      return (response.body as { health: { status: string } }[]).some((subscription) => subscription.health.status === 'disabled')
        ? true
        : undefined;
    }, 'the operational subscription to a gone endpoint disabled');
    // One more operational event, emitted after that disabling: once it has arrived, so would a report of it have.
    receiver.respondWith(() => ({ status: 500 }));
    const subscriptionId = await subscribe('/after', { max_retries: 0 });
    await ingestEvent(harness, tenant);
    await operational('hook0.attempt.exhausted', subscriptionId);
    const aboutOperations = operators.requests.filter((request) => payloadOf(request).application_id === operations.applicationId);
    expect(aboutOperations).toEqual([]);
  });
});
