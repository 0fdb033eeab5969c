import { verifyWebhookSignature } from 'hook0-client';
import {
  createApplication,
  createEvent,
  createSubscription,
  WebhookReceiver,
  type EventOptions,
  type ReceivedRequest,
} from '@hook0/testing';
import { useDispatcherWorld } from '../test/dispatcher-harness';

const TYPE = 'billing.invoice.paid';

function headersOf(request: ReceivedRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers.set(name, String(value));
  return headers;
}

/** Deliveries of mutually hostile tenants to receivers they do not control (docs/security.md). */
describe('tenant isolation on the wire', () => {
  const world = useDispatcherWorld();
  // One receiver shared by every tenant, holding keep-alive connections open for the whole test.
  const shared = new WebhookReceiver({ keepAliveTimeoutMs: 30_000 });

  beforeEach(async () => {
    await shared.start();
    await world.harness.start();
  });
  afterEach(async () => {
    shared.requests.length = 0;
    await shared.stop();
  });

  /** An application of its own (a tenant) subscribed to `path` on the shared receiver, with the row's headers as given. */
  async function tenant(path: string, headers: Record<string, string> = {}) {
    const { applicationId } = await createApplication(world.pool);
    const subscription = await createSubscription(world.pool, applicationId, { url: `${shared.url}${path}`, eventTypes: [TYPE], headers });
    return { applicationId, subscription };
  }

  /** Ingests and dispatches one event of the application, and waits until its one attempt is finished. */
  async function deliver(applicationId: string, options: Partial<EventOptions> = {}) {
    const event = await createEvent(world.pool, applicationId, { eventTypeName: TYPE, ...options });
    await world.harness.dispatch(event);
    const [attempt] = await world.harness.finishedAttempts(event, 1);
    return { event, attempt };
  }

  it('drops the headers a row stored before the rule carries; the request is framed by the server', async () => {
    const stored = {
      Host: 'other-tenant.test',
      'Content-Length': '3',
      'Transfer-Encoding': 'chunked',
      Connection: 'close',
      Expect: '100-continue',
      Upgrade: 'h2c',
      'Proxy-Authorization': 'Basic eDp5',
      'Content-Type': 'text/html',
      'Content-Encoding': 'gzip',
      'X-Event-Id': 'forged',
      'X-Hook0-Signature': 'forged',
      'Webhook-Id': 'forged',
      'X-Custom': 'kept',
    };
    const { applicationId, subscription } = await tenant('/in', stored);
    const payload = '{"order_id":42}';

    const { event, attempt } = await deliver(applicationId, { payload });

    expect(attempt).toMatchObject({ httpCode: 204, errorName: null });
    const [request] = shared.requests;
    expect(shared.requests).toHaveLength(1);
    expect(request.headers.host).toBe(new URL(shared.url).host);
    expect(request.headers['content-length']).toBe(String(Buffer.byteLength(payload)));
    expect(request.headers).not.toHaveProperty('transfer-encoding');
    expect(request.headers).not.toHaveProperty('expect');
    expect(request.headers).not.toHaveProperty('upgrade');
    expect(request.headers).not.toHaveProperty('proxy-authorization');
    expect(request.headers).not.toHaveProperty('content-encoding');
    expect(request.headers.connection).not.toBe('close');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-event-id']).toBe(event.eventId);
    expect(request.headers['webhook-id']).toBe(event.eventId);
    expect(request.headers['x-custom']).toBe('kept');
    expect(request.body.toString()).toBe(payload);
    const signature = String(request.headers['x-hook0-signature']);
    expect(signature).toContain(',h=content-type x-custom x-event-id x-event-type,');
    expect(verifyWebhookSignature(signature, request.body, headersOf(request), subscription.secret, 300)).toBe(true);
  });

  it("cannot smuggle a request into a shared receiver: the next tenant's delivery arrives intact, the payload as a body only", async () => {
    const attacker = await tenant('/attacker', { 'content-length': '0' });
    const victim = await tenant('/victim', { 'X-Victim-Key': 'secret-of-victim' });
    const smuggled = 'POST /smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nstole';

    const first = await deliver(attacker.applicationId, { payload: smuggled, contentType: 'text/plain' });
    const second = await deliver(victim.applicationId, { payload: '{"victim":true}' });

    expect(shared.requests.map((request) => request.path)).toEqual(['/attacker', '/victim']);
    const [carried, intact] = shared.requests;
    expect(carried.body.toString()).toBe(smuggled);
    expect(carried.headers['content-length']).toBe(String(Buffer.byteLength(smuggled)));
    expect(intact.headers['x-event-id']).toBe(second.event.eventId);
    expect(intact.headers['x-victim-key']).toBe('secret-of-victim');
    expect(intact.headers['content-type']).toBe('application/json');
    expect(intact.body.toString()).toBe('{"victim":true}');
    expect(
      verifyWebhookSignature(String(intact.headers['x-hook0-signature']), intact.body, headersOf(intact), victim.subscription.secret, 300),
    ).toBe(true);
    expect([first.attempt.httpCode, second.attempt.httpCode]).toEqual([204, 204]);
  });

  it('gives each application its own sockets to a shared receiver, reused across its own deliveries', async () => {
    const a = await tenant('/a');
    const b = await tenant('/b');

    await deliver(a.applicationId);
    await deliver(a.applicationId);
    await deliver(b.applicationId);
    await deliver(b.applicationId);

    const [a1, a2, b1, b2] = shared.requests.map((request) => request.remotePort);
    expect(shared.requests.map((request) => request.path)).toEqual(['/a', '/a', '/b', '/b']);
    expect(a2).toBe(a1);
    expect(b2).toBe(b1);
    expect(b1).not.toBe(a1);
  });
});
