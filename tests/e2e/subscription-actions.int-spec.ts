import type { IncomingHttpHeaders } from 'node:http';
import { verifyWebhookSignature } from 'hook0-client';
import { Webhook } from 'standardwebhooks';
import { type ServiceProcess, waitFor, WebhookReceiver, type ReceivedRequest } from '@hook0/testing';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../services/api/test/api-harness';
import { startDispatcherFor } from './support/dispatcher-for-api';
import { ingestEvent } from '../../services/api/test/event-requests';
import { subscriptionBody } from '../../services/api/test/subscription.fixtures';

interface Subscription {
  readonly subscription_id: string;
  readonly secret: string;
  readonly standard_webhooks_secret: string;
}
interface Attempt {
  readonly request_attempt_id: string;
  readonly subscription: { readonly subscription_id: string };
  readonly retry_count: number;
  readonly created_at: string;
  readonly delay_until: string | null;
  readonly http_response_status: number | null;
  readonly status: { readonly type: string };
}

function headersOf(request: ReceivedRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers as IncomingHttpHeaders))
    if (typeof value === 'string') headers.set(name, value);
  return headers;
}

/** What `hook0-client` says of the signature in `header`, keyed with `secret` (it throws on a bad one). */
function hook0Verifies(request: ReceivedRequest, header: string, secret: string): boolean {
  const signature = request.headers[header];
  if (typeof signature !== 'string') return false;
  try {
    return verifyWebhookSignature(signature, request.body, headersOf(request), secret, 300) === true;
  } catch {
    return false;
  }
}

/** What `standardwebhooks` says of the request, keyed with a `whsec_` secret. */
function standardVerifies(request: ReceivedRequest, whsec: string): boolean {
  try {
    new Webhook(whsec).verify(request.body.toString('utf8'), request.headers as Record<string, string>);
    return true;
  } catch {
    return false;
  }
}

/**
 * Secret rotation, retry of one attempt and test delivery through real processes (docs/api.md "Subscription actions",
 * docs/security.md "Secret rotation"): the API in process, a dispatcher as a child process, a local receiver.
 */
describe('subscription actions, end to end', () => {
  const receiver = new WebhookReceiver();
  let harness: ApiHarness;
  let dispatcher: ServiceProcess;
  let tenant: Tenant;
  let auth: Record<string, string>;
  const failing = new Set<string>();

  const startDispatcher = () => startDispatcherFor(harness);

  beforeAll(async () => {
    await receiver.start();
    receiver.respondWith((request) => ({ status: failing.has(request.path) ? 500 : 204 }));
    harness = await startApiHarness();
    dispatcher = await startDispatcher();
    tenant = await createTenant(harness, ['billing.invoice.paid', 'hook0.subscription.tested']);
    auth = { Authorization: `Bearer ${tenant.secret}` };
  });
  afterAll(async () => {
    await dispatcher?.terminate();
    await harness?.close();
    await receiver.stop();
  });

  let cases = 0;
  let caseLabel = '';
  beforeEach(() => {
    caseLabel = `case-${++cases}`;
  });
  /** Each case's subscriptions and events carry the case's own label, so events of one case match no other case's subscriptions. */
  const subscribe = async (path: string, overrides: Record<string, unknown> = {}): Promise<Subscription> =>
    (
      await harness
        .http()
        .post('/subscriptions')
        .set(auth)
        .send(
          subscriptionBody(tenant.applicationId, {
            target: { type: 'http', method: 'POST', url: `${receiver.url}${path}`, headers: { 'X-Api-Key': 'k-1' } },
            labels: { case: caseLabel },
            ...overrides,
          }),
        )
        .expect(201)
    ).body;
  const rotate = async (subscriptionId: string, overlapSeconds: number) =>
    (
      await harness
        .http()
        .post(`/subscriptions/${subscriptionId}/secret/rotate`)
        .set(auth)
        .send({ application_id: tenant.applicationId, overlap_seconds: overlapSeconds })
        .expect(200)
    ).body as Subscription & { previous_secret_expires_at: string | null };
  const ingest = () => ingestEvent(harness, tenant, { labels: { case: caseLabel } });
  const deliveriesOf = (eventId: string, path: string) =>
    receiver.requests.filter((request) => request.headers['x-event-id'] === eventId && request.path === path);
  const delivered = (eventId: string, path: string, count = 1) =>
    waitFor(async () => {
      const found = deliveriesOf(eventId, path);
      return found.length >= count ? found[count - 1] : undefined;
    }, `delivery ${count} of ${eventId} at ${path}`);
  const attemptsOf = async (eventId: string): Promise<Attempt[]> =>
    (await harness.http().get('/request_attempts').query({ application_id: tenant.applicationId, event_id: eventId }).set(auth).expect(200))
      .body;
  const settled = (eventId: string, count: number) =>
    waitFor(async () => {
      const attempts = await attemptsOf(eventId);
      return attempts.length === count && attempts.every((a) => ['successful', 'failed'].includes(a.status.type)) ? attempts : undefined;
    }, `${count} settled attempts of ${eventId}`);

  it('signs with both secrets during the overlap, and with the newest alone once a rotation leaves no overlap', async () => {
    const original = await subscribe('/rotating');
    const rotated = await rotate(original.subscription_id, 3600);

    const during = await delivered(await ingest(), '/rotating');
    expect(hook0Verifies(during, 'x-hook0-signature', rotated.secret)).toBe(true);
    expect(hook0Verifies(during, 'x-hook0-signature', original.secret)).toBe(false);
    expect(hook0Verifies(during, 'x-hook0-signature-previous', original.secret)).toBe(true);
    expect(hook0Verifies(during, 'x-hook0-signature-previous', rotated.secret)).toBe(false);
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(standardVerifies(during, rotated.standard_webhooks_secret)).toBe(true);
    expect(standardVerifies(during, original.standard_webhooks_secret)).toBe(true);

    const newest = await rotate(original.subscription_id, 0);
    const after = await delivered(await ingest(), '/rotating');
    expect(hook0Verifies(after, 'x-hook0-signature', newest.secret)).toBe(true);
    expect(after.headers['x-hook0-signature-previous']).toBeUndefined();
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(standardVerifies(after, newest.standard_webhooks_secret)).toBe(true);
    for (const old of [original, rotated]) {
      expect(hook0Verifies(after, 'x-hook0-signature', old.secret)).toBe(false);
      expect(standardVerifies(after, old.standard_webhooks_secret)).toBe(false);
    }
  });

  it('signs with the new secret alone once the overlap has ended', async () => {
    const original = await subscribe('/expired-overlap');
    const rotated = await rotate(original.subscription_id, 1);
    const ends = Date.parse(rotated.previous_secret_expires_at!);
    // The overlap ends by the clock; nothing else announces it.
    await waitFor(async () => (Date.now() > ends ? true : undefined), 'the end of the overlap', 5_000);

    const request = await delivered(await ingest(), '/expired-overlap');
    expect(hook0Verifies(request, 'x-hook0-signature', rotated.secret)).toBe(true);
    expect(hook0Verifies(request, 'x-hook0-signature', original.secret)).toBe(false);
    expect(request.headers['x-hook0-signature-previous']).toBeUndefined();
    expect(standardVerifies(request, rotated.standard_webhooks_secret)).toBe(true);
    expect(standardVerifies(request, original.standard_webhooks_secret)).toBe(false);
  });

  it('redrives a dead letter to its subscription only, signed and recorded, with a fresh retry schedule', async () => {
    failing.add('/flaky');
    const flaky = await subscribe('/flaky', { max_retries: 0 });
    const steady = await subscribe('/steady');
    const eventId = await ingest();
    const first = await settled(eventId, 2);
    const dead = first.find((attempt) => attempt.subscription.subscription_id === flaky.subscription_id)!;
    expect(dead.status.type).toBe('failed');

    failing.delete('/flaky');
    const retried = (
      await harness
        .http()
        .post(`/request_attempts/${dead.request_attempt_id}/retry`)
        .set(auth)
        .send({ application_id: tenant.applicationId })
        .expect(202)
    ).body as Attempt;

    const request = await delivered(eventId, '/flaky', 2);
    expect(hook0Verifies(request, 'x-hook0-signature', flaky.secret)).toBe(true);
    const attempts = await settled(eventId, 3);
    expect(attempts.find((attempt) => attempt.request_attempt_id === retried.request_attempt_id)).toMatchObject({
      subscription: { subscription_id: flaky.subscription_id },
      retry_count: 0,
      status: { type: 'successful' },
      http_response_status: 204,
    });
    expect(deliveriesOf(eventId, '/steady')).toHaveLength(1);
    expect(attempts.filter((attempt) => attempt.subscription.subscription_id === steady.subscription_id)).toHaveLength(1);
  });

  it("retries a redriven delivery with backoff on the subscription's schedule, from its first step", async () => {
    failing.add('/backoff');
    const backoff = await subscribe('/backoff', { retry_schedule: ['1s'], max_retries: 1 });
    const eventId = await ingest();
    const exhausted = await settled(eventId, 2);
    expect(exhausted.map((attempt) => [attempt.retry_count, attempt.status.type]).sort()).toEqual([
      [0, 'failed'],
      [1, 'failed'],
    ]);

    const dead = exhausted.find((attempt) => attempt.retry_count === 1)!;
    await harness
      .http()
      .post(`/request_attempts/${dead.request_attempt_id}/retry`)
      .set(auth)
      .send({ application_id: tenant.applicationId })
      .expect(202);
    await delivered(eventId, '/backoff', 3);
    failing.delete('/backoff');

    const attempts = await settled(eventId, 4);
    const [succeeded] = attempts.filter((attempt) => attempt.status.type === 'successful');
    expect(succeeded).toMatchObject({ retry_count: 1, http_response_status: 204 });
    // The retry waited for the schedule's first step, recorded as the attempt's due time.
    expect(Date.parse(succeeded.delay_until!) - Date.parse(succeeded.created_at)).toBeGreaterThanOrEqual(1000);
    const request = await delivered(eventId, '/backoff', 4);
    expect(hook0Verifies(request, 'x-hook0-signature', backoff.secret)).toBe(true);
  });

  it('delivers a retry accepted while no dispatcher runs once one starts', async () => {
    failing.add('/later');
    const later = await subscribe('/later', { max_retries: 0 });
    const eventId = await ingest();
    const [dead] = await settled(eventId, 1);
    failing.delete('/later');

    expect(await dispatcher.terminate()).toBe(0);
    await harness
      .http()
      .post(`/request_attempts/${dead.request_attempt_id}/retry`)
      .set(auth)
      .send({ application_id: tenant.applicationId })
      .expect(202);
    dispatcher = await startDispatcher();

    const request = await delivered(eventId, '/later', 2);
    expect(hook0Verifies(request, 'x-hook0-signature', later.secret)).toBe(true);
    expect((await settled(eventId, 2)).map((attempt) => attempt.status.type).sort()).toEqual(['failed', 'successful']);
  });

  it('sends a signed hook0.subscription.tested event to the tested subscription only', async () => {
    const tested = await subscribe('/tested', { event_types: ['hook0.subscription.tested'] });
    await subscribe('/bystander', { event_types: ['hook0.subscription.tested'] });

    const answer = (
      await harness
        .http()
        .post(`/subscriptions/${tested.subscription_id}/test`)
        .set(auth)
        .send({ application_id: tenant.applicationId })
        .expect(202)
    ).body as Attempt & { event_id: string };

    const request = await delivered(answer.event_id, '/tested');
    expect(request.headers['x-event-type']).toBe('hook0.subscription.tested');
    expect(hook0Verifies(request, 'x-hook0-signature', tested.secret)).toBe(true);
    expect(standardVerifies(request, tested.standard_webhooks_secret)).toBe(true);
    expect(JSON.parse(request.body.toString('utf8'))).toMatchObject({ subscription_id: tested.subscription_id });
    const [attempt] = await settled(answer.event_id, 1);
    expect(attempt).toMatchObject({ request_attempt_id: answer.request_attempt_id, status: { type: 'successful' } });
    expect(deliveriesOf(answer.event_id, '/bystander')).toEqual([]);
  });
});
