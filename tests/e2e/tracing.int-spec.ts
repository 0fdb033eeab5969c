import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { loadApiConfig } from '@hook0/config';
import { buildTopology } from '@hook0/messaging';
import {
  createTestDatabase,
  deleteQueues,
  freePort,
  OtlpReceiver,
  ServiceProcess,
  testAmqp,
  waitFor,
  WebhookReceiver,
  type ReceivedSpan,
  type TestDatabase,
} from '@hook0/testing';
import { createTenant } from '../../services/api/test/api-harness';

/**
 * With OTEL_EXPORTER_OTLP_ENDPOINT set, one event is one trace across both processes (docs/observability.md):
 * API ingest → outbox relay publish → dispatcher fan-out consume → (deliver consume, when the fan-out could not
 * start the attempt on a free slot of its own) → the outgoing request.
 * The built services run as child processes (npm run build first) and export to a local OTLP/HTTP receiver.
 */
describe('tracing an event through the pipeline', () => {
  const webhooks = new WebhookReceiver();
  const collector = new OtlpReceiver();
  let database: TestDatabase;
  let api: ServiceProcess;
  let dispatcher: ServiceProcess;
  let apiUrl: string;
  const masterKey = randomUUID();
  const amqp = testAmqp();

  beforeAll(async () => {
    await webhooks.start();
    await collector.start();
    database = await createTestDatabase();
    const shared = {
      DATABASE_URL: database.url,
      AMQP_URL: amqp.url,
      AMQP_PREFIX: amqp.prefix,
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    };
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    api = await ServiceProcess.start('api', {
      ...shared,
      PORT: String(port),
      HOST: '127.0.0.1',
      MASTER_API_KEY: masterKey,
      OUTBOX_POLL_INTERVAL: '200ms',
      DISABLE_API_RATE_LIMITING: 'true',
    });
    dispatcher = await ServiceProcess.start('dispatcher', { ...shared, DISABLE_TARGET_IP_CHECK: 'true', LOG_LEVEL: 'debug' });
  }, 120_000);

  afterAll(async () => {
    await dispatcher?.terminate();
    await api?.terminate();
    await database?.drop();
    const { waitLadderMinMs, waitLadderMaxMs } = loadApiConfig({});
    await deleteQueues(
      amqp.url,
      buildTopology(amqp.prefix, waitLadderMinMs, waitLadderMaxMs).queues.map((queue) => queue.name),
    );
    await collector.stop();
    await webhooks.stop();
  });

  const http = () => request.agent(`${apiUrl}/api/v1`);

  it('joins the ingest, the relay publish, the consumers and the delivery request in one trace', async () => {
    const tenant = await createTenant({ http, masterKey });
    await http()
      .post('/subscriptions')
      .set('Authorization', `Bearer ${tenant.secret}`)
      .send({
        application_id: tenant.applicationId,
        is_enabled: true,
        event_types: ['billing.invoice.paid'],
        labels: { tenant_id: 'acme' },
        target: { type: 'http', method: 'PUT', url: `${webhooks.url}/traced`, headers: {} },
      })
      .expect(201);
    const eventId = randomUUID();
    await http()
      .post('/event')
      .set('Authorization', `Bearer ${tenant.secret}`)
      .send({
        application_id: tenant.applicationId,
        event_id: eventId,
        event_type: 'billing.invoice.paid',
        payload: '{"n":1}',
        payload_content_type: 'application/json',
        occurred_at: new Date().toISOString(),
        labels: { tenant_id: 'acme' },
      })
      .expect(201);
    const [delivered] = await webhooks.waitForRequests(1);
    expect(delivered.headers.traceparent).toBeUndefined();

    const named = (spans: ReceivedSpan[], service: string, name: string) =>
      spans.find((span) => span.service === service && span.name === name);
    const ingest = await waitFor(async () => named(collector.spans, 'hook0-api', 'POST /api/v1/event'), 'the ingest span');
    const chain = await waitFor(
      async () => {
        const spans = collector.trace(ingest.traceId);
        const found = {
          publish: named(spans, 'hook0-api', `${amqp.prefix}.work publish`),
          fanOut: named(spans, 'hook0-dispatcher', `${amqp.prefix}.dispatch process`),
          request: named(spans, 'hook0-dispatcher', 'PUT'),
        };
        // The request's parent: the fan-out, when it sent the attempt on a free slot of its own, or else the deliver
        // consumer's span (which may be exported after its child, so it is waited for too).
        const parent = found.request && spans.find((span) => span.spanId === found.request?.parentSpanId);
        const all = { ...found, parent };
        return Object.values(all).every(Boolean) ? (all as Record<keyof typeof all, ReceivedSpan>) : undefined;
      },
      'every span of the event in its trace',
      30_000,
      100,
    );

    expect(ingest).toMatchObject({ kind: 2, parentSpanId: '' });
    expect(chain.publish).toMatchObject({ kind: 4, parentSpanId: ingest.spanId });
    expect(chain.fanOut).toMatchObject({ kind: 5, parentSpanId: chain.publish.spanId });
    expect(chain.request).toMatchObject({ kind: 3 });
    if (chain.parent.spanId !== chain.fanOut.spanId) {
      expect(chain.parent).toMatchObject({ name: `${amqp.prefix}.deliver process`, kind: 5, parentSpanId: chain.fanOut.spanId });
    }
    expect(chain.request.attributes).toMatchObject({ 'http.response.status_code': 204, 'server.address': '127.0.0.1' });

    // Log lines written while a span is active carry its ids.
    const traced = dispatcher.output
      .join('')
      .split('\n')
      .filter((line) => line.includes(ingest.traceId));
    expect(traced.length).toBeGreaterThan(0);
    expect(JSON.parse(traced[0])).toMatchObject({ trace_id: ingest.traceId, span_id: expect.stringMatching(/^[0-9a-f]{16}$/) });
  }, 60_000);
});
