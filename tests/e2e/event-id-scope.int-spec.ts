import { randomUUID } from 'node:crypto';
import { type ServiceProcess, waitFor, WebhookReceiver, type ReceivedRequest } from '@hook0/testing';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../services/api/test/api-harness';
import { startDispatcherFor } from './support/dispatcher-for-api';
import { eventBody } from '../../services/api/test/event-requests';
import { expectProblem } from '../../services/api/test/problem-assertions';
import { subscriptionBody } from '../../services/api/test/subscription.fixtures';

interface Attempt {
  readonly request_attempt_id: string;
  readonly event_id: string;
  readonly subscription: { readonly subscription_id: string };
  readonly status: { readonly type: string };
  readonly response_id: string | null;
}

/**
 * An event_id is unique within its application only: two applications of different organizations ingest the same
 * client-chosen id, neither is refused or told about the other, and each sees and receives only its own event,
 * through real API and dispatcher processes.
 */
describe('event ids scoped per application, end to end', () => {
  const receiver = new WebhookReceiver();
  let harness: ApiHarness;
  let dispatcher: ServiceProcess;
  let acme: Tenant;
  let globex: Tenant;
  const subscriptions = new Map<Tenant, string>();
  const sharedId = randomUUID();

  const auth = (tenant: Tenant) => ({ Authorization: `Bearer ${tenant.secret}` });
  const pathOf = (tenant: Tenant) => `/${tenant.applicationId}`;
  const payloadOf = (tenant: Tenant) => JSON.stringify({ owner: tenant.applicationId });
  const ingest = (tenant: Tenant, eventId = sharedId) =>
    harness
      .http()
      .post('/event')
      .set(auth(tenant))
      .send(eventBody(tenant, { event_id: eventId, payload: payloadOf(tenant), metadata: { owner: tenant.applicationId } }));
  const deliveriesTo = (tenant: Tenant): ReceivedRequest[] =>
    receiver.requests.filter((r) => r.headers['x-event-id'] === sharedId && r.path === pathOf(tenant));
  const attemptsOf = async (tenant: Tenant): Promise<Attempt[]> =>
    (
      await harness
        .http()
        .get('/request_attempts')
        .query({ application_id: tenant.applicationId, event_id: sharedId })
        .set(auth(tenant))
        .expect(200)
    ).body;
  const succeededAttempts = (tenant: Tenant, count: number) =>
    waitFor(async () => {
      const attempts = await attemptsOf(tenant);
      return attempts.length === count && attempts.every((a) => a.status.type === 'successful') ? attempts : undefined;
    }, `${count} successful attempts`);

  beforeAll(async () => {
    await receiver.start();
    harness = await startApiHarness();
    dispatcher = await startDispatcherFor(harness);
    acme = await createTenant(harness);
    globex = await createTenant(harness);
    for (const tenant of [acme, globex]) {
      const target = { type: 'http', method: 'POST', url: `${receiver.url}${pathOf(tenant)}`, headers: {} };
      const created = await harness
        .http()
        .post('/subscriptions')
        .set(auth(tenant))
        .send(subscriptionBody(tenant.applicationId, { target }))
        .expect(201);
      subscriptions.set(tenant, created.body.subscription_id);
    }
  });
  afterAll(async () => {
    await dispatcher?.terminate();
    await harness?.close();
    await receiver.stop();
  });

  it('accepts the same event_id from two organizations, each 201 naming its own application', async () => {
    expect(acme.organizationId).not.toBe(globex.organizationId);
    const first = await ingest(acme).expect(201);
    const second = await ingest(globex).expect(201);
    expect(first.body).toMatchObject({ application_id: acme.applicationId, event_id: sharedId });
    expect(second.body).toMatchObject({ application_id: globex.applicationId, event_id: sharedId });
  });

  it('still answers 409 EventAlreadyIngested to a duplicate within one application', async () => {
    expectProblem(await ingest(acme), 409, 'EventAlreadyIngested');
    expectProblem(await ingest(globex), 409, 'EventAlreadyIngested');
  });

  it('delivers each event to its own subscription only, with its own payload', async () => {
    await waitFor(
      async () => (deliveriesTo(acme).length === 1 && deliveriesTo(globex).length === 1 ? true : undefined),
      'one delivery per application',
    );
    for (const tenant of [acme, globex]) expect(deliveriesTo(tenant)[0].body.toString('utf8')).toBe(payloadOf(tenant));
  });

  it('shows each application only its own event, attempt and response', async () => {
    for (const [tenant, other] of [
      [acme, globex],
      [globex, acme],
    ]) {
      const event = await harness
        .http()
        .get(`/events/${sharedId}`)
        .query({ application_id: tenant.applicationId })
        .set(auth(tenant))
        .expect(200);
      expect(Buffer.from(event.body.payload, 'base64').toString('utf8')).toBe(payloadOf(tenant));
      expect(event.body.metadata).toEqual({ owner: tenant.applicationId });

      const listed = (await harness.http().get('/events').query({ application_id: tenant.applicationId }).set(auth(tenant)).expect(200))
        .body;
      expect(listed.filter((e: { event_id: string }) => e.event_id === sharedId).map((e: { metadata: unknown }) => e.metadata)).toEqual([
        { owner: tenant.applicationId },
      ]);

      const [attempt] = await succeededAttempts(tenant, 1);
      expect(attempt.subscription.subscription_id).toBe(subscriptions.get(tenant));
      const typed = await harness
        .http()
        .get('/request_attempts')
        .query({ application_id: tenant.applicationId, event_id: sharedId, 'event.event_type_names': 'billing.invoice.paid' })
        .set(auth(tenant))
        .expect(200);
      expect(typed.body.map((a: Attempt) => a.request_attempt_id)).toEqual([attempt.request_attempt_id]);

      await harness
        .http()
        .get(`/responses/${attempt.response_id}`)
        .query({ application_id: tenant.applicationId })
        .set(auth(tenant))
        .expect(200);
      const foreign = await harness
        .http()
        .get(`/responses/${attempt.response_id}`)
        .query({ application_id: other.applicationId })
        .set(auth(other));
      expectProblem(foreign, 404, 'NotFound');

      const perDay = await harness
        .http()
        .get('/events_per_day/application')
        .query({ application_id: tenant.applicationId })
        .set(auth(tenant))
        .expect(200);
      expect(perDay.body.map((row: { amount: number }) => row.amount)).toEqual([1]);
    }
  });

  it("replays one application's event to its own subscription, leaving the other's alone", async () => {
    await harness.http().post(`/events/${sharedId}/replay`).set(auth(acme)).send({ application_id: acme.applicationId }).expect(204);
    await succeededAttempts(acme, 2);
    expect(deliveriesTo(acme).map((r) => r.body.toString('utf8'))).toEqual([payloadOf(acme), payloadOf(acme)]);
    expect(await attemptsOf(globex)).toHaveLength(1);
    expect(deliveriesTo(globex)).toHaveLength(1);
  });
});
