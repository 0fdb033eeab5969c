import type { IncomingHttpHeaders } from 'node:http';
import { Event, Hook0Client, verifyWebhookSignature } from 'hook0-client';
import { Webhook } from 'standardwebhooks';
import { scrapeMetric, type ServiceProcess, waitFor, WebhookReceiver, type ReceivedRequest } from '@hook0/testing';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../services/api/test/api-harness';
import { startDispatcherFor } from './support/dispatcher-for-api';

function headersOf(request: ReceivedRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers as IncomingHttpHeaders)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  return headers;
}

function header(request: ReceivedRequest, name: string): string {
  return String(request.headers[name]);
}

/**
 * The whole path through real processes: hook0-client → API → PostgreSQL → RabbitMQ → dispatcher
 * (a child process) → signed HTTP request to a local receiver → attempts readable through the API.
 */
describe('event pipeline, end to end', () => {
  const receiver = new WebhookReceiver();
  let harness: ApiHarness;
  let dispatcher: ServiceProcess;
  let tenant: Tenant;
  let client: Hook0Client;
  let subscription: { subscription_id: string; secret: string; standard_webhooks_secret: string };

  const auth = () => ({ Authorization: `Bearer ${tenant.secret}` });

  async function subscribe(labels: Record<string, string>, path: string) {
    const response = await harness
      .http()
      .post('/subscriptions')
      .set(auth())
      .send({
        application_id: tenant.applicationId,
        is_enabled: true,
        event_types: ['billing.invoice.paid'],
        labels,
        target: { type: 'http', method: 'PUT', url: `${receiver.url}${path}`, headers: { 'X-Api-Key': 'k-123' } },
      })
      .expect(201);
    return response.body;
  }

  beforeAll(async () => {
    await receiver.start();
    harness = await startApiHarness();
    dispatcher = await startDispatcherFor(harness, {
      ENABLED_SIGNATURE_VERSIONS: 'v0,v1',
      LOG_LEVEL: 'debug',
    });
    tenant = await createTenant(harness, ['billing.invoice.paid']);
    client = new Hook0Client(`${harness.api.url}/api/v1/`, tenant.applicationId, tenant.secret);
    subscription = await subscribe({ tenant_id: 'acme' }, '/acme');
  });

  afterAll(async () => {
    await dispatcher?.terminate();
    await harness?.close();
    await receiver.stop();
  });

  it('delivers a JSON event byte for byte, signed for hook0-client and for Standard Webhooks', async () => {
    const payload = '{ "invoice_id" : "in_42",\n  "amount": 1200, "note": "é" }';
    const eventId = await client.sendEvent(
      new Event('billing.invoice.paid', payload, 'application/json', { tenant_id: 'acme', env: 'prod' }),
    );
    const [request] = (await receiver.waitForRequests(1)).filter((r) => header(r, 'x-event-id') === eventId);

    expect(request.method).toBe('PUT');
    expect(request.path).toBe('/acme');
    expect(request.body.equals(Buffer.from(payload, 'utf8'))).toBe(true);
    expect(header(request, 'content-type')).toBe('application/json');
    expect(header(request, 'x-event-type')).toBe('billing.invoice.paid');
    expect(header(request, 'x-api-key')).toBe('k-123');
    const signature = header(request, 'x-hook0-signature');
    expect(signature).toMatch(/^t=\d+,v0=[0-9a-f]{64},h=content-type x-api-key x-event-id x-event-type,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(signature, request.body, headersOf(request), subscription.secret, 300)).toBe(true);
    expect(() =>
      verifyWebhookSignature(signature, request.body, headersOf(request), '00000000-0000-4000-8000-000000000000', 300),
    ).toThrow();
    const verified = new Webhook(subscription.standard_webhooks_secret).verify(request.body.toString('utf8'), {
      'webhook-id': header(request, 'webhook-id'),
      'webhook-timestamp': header(request, 'webhook-timestamp'),
      'webhook-signature': header(request, 'webhook-signature'),
    });
    expect(verified).toEqual(JSON.parse(payload));
    expect(header(request, 'webhook-id')).toBe(eventId);
  });

  it('delivers text as UTF-8 and base64 payloads as their decoded bytes', async () => {
    const bytes = Buffer.from([0, 1, 2, 254, 255, 10, 13]);
    const textId = await client.sendEvent(new Event('billing.invoice.paid', 'plain text ✓', 'text/plain', { tenant_id: 'acme' }));
    const binaryId = await client.sendEvent(
      new Event('billing.invoice.paid', bytes.toString('base64'), 'application/octet-stream+base64', { tenant_id: 'acme' }),
    );
    const requests = await receiver.waitForRequests(3);
    const text = requests.find((r) => header(r, 'x-event-id') === textId)!;
    const binary = requests.find((r) => header(r, 'x-event-id') === binaryId)!;
    expect(text.body.toString('utf8')).toBe('plain text ✓');
    expect(header(text, 'content-type')).toBe('text/plain');
    expect(binary.body.equals(bytes)).toBe(true);
    expect(header(binary, 'content-type')).toBe('application/octet-stream+base64');
    expect(verifyWebhookSignature(header(binary, 'x-hook0-signature'), binary.body, headersOf(binary), subscription.secret, 300)).toBe(
      true,
    );
  });

  it('filters by labels both ways and exposes the attempts and responses through the API', async () => {
    const other = await subscribe({ tenant_id: 'globex', env: 'prod' }, '/globex');
    const before = receiver.requests.length;
    const toAcme = await client.sendEvent(new Event('billing.invoice.paid', '{}', 'application/json', { tenant_id: 'acme', env: 'prod' }));
    const toGlobex = await client.sendEvent(
      new Event('billing.invoice.paid', '{}', 'application/json', { tenant_id: 'globex', env: 'prod', region: 'eu' }),
    );
    const toNobody = await client.sendEvent(new Event('billing.invoice.paid', '{}', 'application/json', { tenant_id: 'globex' }));
    const requests = (await receiver.waitForRequests(before + 2)).slice(before);
    const paths = new Map(requests.map((r) => [header(r, 'x-event-id'), r.path]));
    expect(paths.get(toAcme)).toBe('/acme');
    expect(paths.get(toGlobex)).toBe('/globex');

    const attemptsOf = async (eventId: string) =>
      (
        await harness
          .http()
          .get('/request_attempts')
          .query({ application_id: tenant.applicationId, event_id: eventId })
          .set(auth())
          .expect(200)
      ).body;
    const [globexAttempt] = await attemptsOf(toGlobex);
    expect(globexAttempt).toMatchObject({ event_id: toGlobex, retry_count: 0, subscription: { subscription_id: other.subscription_id } });
    expect(await attemptsOf(toNobody)).toEqual([]);
    const withResponse = await waitFor(async () => {
      const [attempt] = await attemptsOf(toAcme);
      return attempt.status.type === 'successful' ? attempt : undefined;
    }, 'the attempt to be recorded as successful');
    expect(withResponse.status.type).toBe('successful');
    const response = await harness
      .http()
      .get(`/responses/${withResponse.response_id}`)
      .query({ application_id: tenant.applicationId })
      .set(auth())
      .expect(200);
    expect(response.body).toMatchObject({ http_code: 204, response_error_name: null });
    expect(receiver.requests.some((r) => header(r, 'x-event-id') === toNobody)).toBe(false);
  });

  it('serves metrics and probes on the ops port, and keeps secrets, signatures and payloads out of the logs', async () => {
    const dispatcherOps = `http://127.0.0.1:${dispatcher.metricsPort}`;
    const counts = async () => ({
      accepted: await scrapeMetric(harness.api.opsUrl, 'hook0_events_ingested_total', { outcome: 'accepted' }),
      delivered: await scrapeMetric(dispatcherOps, 'hook0_delivery_attempts_total', { outcome: 'success', status_class: '2xx' }),
      endToEnd: await scrapeMetric(dispatcherOps, 'hook0_end_to_end_latency_seconds_count'),
      inFlight: await scrapeMetric(dispatcherOps, 'hook0_deliveries_in_flight'),
    });
    // The earlier tests' deliveries all recorded, so that what moves next is this event's.
    const before = await waitFor(async () => {
      const now = await counts();
      return now.inFlight === 0 && now.endToEnd === now.delivered ? now : undefined;
    }, 'earlier deliveries to be recorded');
    const secretPayload = '{"card":"4111-1111-1111-1111"}';
    const eventId = await client.sendEvent(new Event('billing.invoice.paid', secretPayload, 'application/json', { tenant_id: 'acme' }));
    const [request] = (await receiver.waitForRequests(receiver.requests.length + 1)).filter((r) => header(r, 'x-event-id') === eventId);
    const after = { accepted: before.accepted + 1, delivered: before.delivered + 1, endToEnd: before.endToEnd + 1, inFlight: 0 };
    await waitFor(
      async () => (JSON.stringify(await counts()) === JSON.stringify(after) ? true : undefined),
      `metrics ${JSON.stringify(after)}`,
    );

    const dispatcherMetrics = await metrics(dispatcher.metricsPort);
    expect(dispatcherMetrics).toMatch(/hook0_delivery_duration_seconds_bucket\{[^}]*le="0\.005"/);
    expect(dispatcherMetrics).toMatch(/^process_cpu_seconds_total\{/m);
    expect(dispatcherMetrics).toMatch(/^hook0_queue_messages\{[^}]*queue="deliver"[^}]*\} \d+$/m);
    for (const ops of [dispatcherOps, harness.api.opsUrl]) {
      expect({
        connected: await scrapeMetric(ops, 'hook0_amqp_connected'),
        blocked: await scrapeMetric(ops, 'hook0_amqp_blocked'),
      }).toEqual({ connected: 1, blocked: 0 });
    }
    for (const port of [dispatcher.metricsPort, Number(new URL(harness.api.opsUrl).port)]) {
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    }

    const logs = dispatcher.output.join('');
    expect(logs).toContain(eventId);
    expect(logs).not.toContain(subscription.secret);
    expect(logs).not.toContain('4111-1111');
    expect(logs).not.toContain(header(request, 'x-hook0-signature').split('v1=')[1]);
    expect(logs).not.toContain(header(request, 'webhook-signature').slice(3));
  });
});

async function metrics(port: number): Promise<string> {
  return (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
}
