import { type ServiceProcess, waitFor, WebhookReceiver } from '@hook0/testing';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../services/api/test/api-harness';
import { startDispatcherFor } from './support/dispatcher-for-api';
import { ingestEvent } from '../../services/api/test/event-requests';
import { subscriptionBody } from '../../services/api/test/subscription.fixtures';

interface Attempt {
  readonly response_id: string | null;
  readonly status: { readonly type: string };
}

/** What a tenant reads about a target the SSRF guard refused: the rule, never what the resolver answered (docs/security.md). */
describe('a refused target, end to end', () => {
  const receiver = new WebhookReceiver();
  let harness: ApiHarness;
  let dispatcher: ServiceProcess;
  let tenant: Tenant;
  let auth: Record<string, string>;

  beforeAll(async () => {
    await receiver.start();
    harness = await startApiHarness();
    dispatcher = await startDispatcherFor(harness, {
      DISABLE_TARGET_IP_CHECK: 'false',
      MAX_RETRIES: '0',
    });
    tenant = await createTenant(harness);
    auth = { Authorization: `Bearer ${tenant.secret}` };
  });
  afterAll(async () => {
    await dispatcher?.terminate();
    await harness?.close();
    await receiver.stop();
  });

  it('stores a fixed text naming the rule, without the address or the host name, and sends nothing', async () => {
    const url = `${receiver.url.replace('127.0.0.1', 'localhost')}/in`;
    const target = { type: 'http', method: 'POST', url, headers: {} };
    await harness.http().post('/subscriptions').set(auth).send(subscriptionBody(tenant.applicationId, { target })).expect(201);
    const eventId = await ingestEvent(harness, tenant);

    const [attempt] = await waitFor(async () => {
      const attempts: Attempt[] = (
        await harness
          .http()
          .get('/request_attempts')
          .query({ application_id: tenant.applicationId, event_id: eventId })
          .set(auth)
          .expect(200)
      ).body;
      return attempts.length === 1 && attempts[0].status.type === 'failed' ? attempts : undefined;
    }, 'the failed attempt');
    const response = await harness
      .http()
      .get(`/responses/${attempt.response_id}`)
      .query({ application_id: tenant.applicationId })
      .set(auth)
      .expect(200);

    expect(response.body).toMatchObject({
      response_error_name: 'E_INVALID_TARGET',
      http_code: null,
      body: 'target resolves to a non-public address (loopback, private, link-local, multicast or reserved)',
    });
    const text = JSON.stringify(response.body);
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain('::1');
    expect(text).not.toContain('localhost');
    expect(receiver.requests).toHaveLength(0);
  });
});
