import { verifyWebhookSignature } from 'hook0-client';
import { Webhook } from 'standardwebhooks';
import { standardWebhooksSecret } from '@hook0/core';
import { createApplication, createEvent, createSubscription, type ReceivedRequest } from '@hook0/testing';
import type { DispatcherHandle } from './dispatcher';
import { useDispatcherWorld } from '../test/dispatcher-harness';

function headersOf(request: ReceivedRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function stringHeaders(request: ReceivedRequest): Record<string, string> {
  return Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
}

describe('delivery of an event to its subscription', () => {
  const world = useDispatcherWorld();
  let dispatcher: DispatcherHandle;

  beforeEach(async () => {
    dispatcher = await world.harness.start();
  });

  it('sends method, URL, custom headers, Hook0 headers and the exact JSON body, signed for both verifiers', async () => {
    const { applicationId } = await createApplication(world.pool);
    const payload = '{"order_id":42,"note":"caf\u00e9"}';
    const subscription = await createSubscription(world.pool, applicationId, {
      url: `${world.harness.receiver.url}/hooks/in?tenant=acme`,
      method: 'PUT',
      eventTypes: ['billing.invoice.paid'],
      headers: { 'X-Custom': 'one', authorization: 'Bearer abc' },
    });
    const event = await createEvent(world.pool, applicationId, { eventTypeName: 'billing.invoice.paid', payload });

    await world.harness.dispatch(event);
    const [request] = await world.harness.receiver.waitForRequests(1);

    expect(request.method).toBe('PUT');
    expect(request.path).toBe('/hooks/in?tenant=acme');
    expect(request.headers['x-custom']).toBe('one');
    expect(request.headers.authorization).toBe('Bearer abc');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-event-id']).toBe(event.eventId);
    expect(request.headers['x-event-type']).toBe('billing.invoice.paid');
    expect(request.body.equals(Buffer.from(payload, 'utf8'))).toBe(true);
    const signature = String(request.headers['x-hook0-signature']);
    expect(signature).toMatch(/^t=\d+,h=authorization content-type x-custom x-event-id x-event-type,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(signature, request.body, headersOf(request), subscription.secret, 300)).toBe(true);
    const verified = new Webhook(standardWebhooksSecret(subscription.secret)).verify(request.body, stringHeaders(request));
    expect(verified).toEqual(JSON.parse(payload));
    expect(request.headers['webhook-id']).toBe(event.eventId);

    const [attempt] = await world.harness.finishedAttempts(event, 1);
    expect(attempt).toMatchObject({ retryCount: 0, httpCode: 204, errorName: null });
    expect(attempt.succeededAt).not.toBeNull();
  });

  it('sends a text/plain payload verbatim', async () => {
    const { applicationId } = await createApplication(world.pool);
    const subscription = await createSubscription(world.pool, applicationId, {
      url: world.harness.receiver.url,
      eventTypes: ['chat.message.sent'],
    });
    const payload = 'hello, plain world \u2713';
    const event = await createEvent(world.pool, applicationId, { eventTypeName: 'chat.message.sent', payload, contentType: 'text/plain' });

    await world.harness.dispatch(event);
    const [request] = await world.harness.receiver.waitForRequests(1);

    expect(request.headers['content-type']).toBe('text/plain');
    expect(request.body.toString('utf8')).toBe(payload);
    expect(
      verifyWebhookSignature(String(request.headers['x-hook0-signature']), request.body, headersOf(request), subscription.secret, 300),
    ).toBe(true);
    expect(() =>
      new Webhook(standardWebhooksSecret(subscription.secret)).verify(request.body, stringHeaders(request), { jsonParse: false }),
    ).not.toThrow();
  });

  it('sends a base64 payload as its decoded bytes, with GET too', async () => {
    const { applicationId } = await createApplication(world.pool);
    const subscription = await createSubscription(world.pool, applicationId, {
      url: world.harness.receiver.url,
      method: 'GET',
      eventTypes: ['file.blob.stored'],
    });
    const bytes = Buffer.from([0x00, 0xff, 0x10, 0x80, 0x7f, 0xc3, 0x28]);
    const event = await createEvent(world.pool, applicationId, {
      eventTypeName: 'file.blob.stored',
      payload: bytes,
      contentType: 'application/octet-stream+base64',
    });

    await world.harness.dispatch(event);
    const [request] = await world.harness.receiver.waitForRequests(1);

    expect(request.method).toBe('GET');
    expect(request.headers['content-type']).toBe('application/octet-stream+base64');
    expect(request.body.equals(bytes)).toBe(true);
    expect(
      verifyWebhookSignature(String(request.headers['x-hook0-signature']), request.body, headersOf(request), subscription.secret, 300),
    ).toBe(true);
  });

  it('records the response status, headers and body of a successful delivery, and counts it in the metrics', async () => {
    world.harness.receiver.respondWith(() => ({
      status: 200,
      headers: { 'X-Reply': 'yes', 'Content-Type': 'text/plain' },
      body: 'thanks',
    }));
    const { applicationId } = await createApplication(world.pool);
    await createSubscription(world.pool, applicationId, { url: world.harness.receiver.url, eventTypes: ['billing.invoice.paid'] });
    const event = await createEvent(world.pool, applicationId, { eventTypeName: 'billing.invoice.paid' });

    await world.harness.dispatch(event);
    const [attempt] = await world.harness.finishedAttempts(event, 1);

    expect(attempt).toMatchObject({ httpCode: 200, errorName: null, responseBody: 'thanks' });
    const { rows } = await world.pool.query('SELECT headers, elapsed_time_ms FROM response WHERE response_id = $1', [attempt.responseId]);
    expect(rows[0].headers).toMatchObject({ 'x-reply': 'yes', 'content-type': 'text/plain' });
    expect(rows[0].elapsed_time_ms).toBeGreaterThanOrEqual(0);

    await world.harness.metricReaches(dispatcher, 'hook0_end_to_end_latency_seconds_count', {}, 1);
    expect(await world.harness.metric(dispatcher, 'hook0_delivery_attempts_total', { outcome: 'success', status_class: '2xx' })).toBe(1);
    expect(await world.harness.metric(dispatcher, 'hook0_delivery_attempts_total')).toBe(1);
    expect(await world.harness.metric(dispatcher, 'hook0_delivery_duration_seconds_count', { outcome: 'success' })).toBe(1);
    expect(await world.harness.metric(dispatcher, 'hook0_deliveries_in_flight')).toBe(0);
    expect(await world.harness.metric(dispatcher, 'hook0_events_dispatched_total')).toBe(1);
    expect(await world.harness.metric(dispatcher, 'hook0_request_attempts_created_total')).toBe(1);
  });
});
