import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createApplication, createEventType, drainQueue, scrapeMetric, TcpProxy, testAmqp, waitFor } from '@hook0/testing';
import { startApiHarness, type ApiHarness } from '../../test/api-harness';

/**
 * RabbitMQ away for one API (a proxy between them is cut; the shared broker is never touched): the API stays ready,
 * accepts events into its outbox, and its relay publishes them once the broker is reachable again.
 */

const brokerUrl = () => testAmqp().url;

const connected = (harness: ApiHarness) => scrapeMetric(harness.api.opsUrl, 'hook0_amqp_connected');
const backlog = (harness: ApiHarness) => scrapeMetric(harness.api.opsUrl, 'hook0_outbox_backlog');

async function readyStatus(harness: ApiHarness): Promise<number> {
  return (await fetch(`${harness.api.opsUrl}/readyz`)).status;
}

async function ingest(harness: ApiHarness, applicationId: string): Promise<string> {
  const eventId = randomUUID();
  await harness
    .http()
    .post('/event')
    .set('Authorization', `Bearer ${harness.masterKey}`)
    .send({
      application_id: applicationId,
      event_id: eventId,
      event_type: 'billing.invoice.paid',
      payload: '{"n":1}',
      payload_content_type: 'application/json',
      occurred_at: new Date().toISOString(),
      labels: { env: 'test' },
    })
    .expect(201);
  return eventId;
}

/**
 * Once the outbox is empty (every row confirmed by RabbitMQ and deleted), the dispatch messages are in the harness's
 * queue: take them off through the real broker.
 */
async function awaitPublished(harness: ApiHarness, eventIds: string[]): Promise<void> {
  await waitFor(async () => ((await backlog(harness)) === 0 ? true : undefined), 'an empty outbox', 60_000, 100);
  const messages = (await drainQueue(brokerUrl(), `${harness.config.amqpPrefix}.dispatch`)) as { eventId: string }[];
  expect(messages.map((message) => message.eventId).sort()).toEqual([...eventIds].sort());
}

async function tenant(harness: ApiHarness): Promise<string> {
  const db = new Client({ connectionString: harness.database.url });
  await db.connect();
  try {
    const { applicationId } = await createApplication(db);
    await createEventType(db, applicationId, 'billing.invoice.paid');
    return applicationId;
  } finally {
    await db.end();
  }
}

describe('API while RabbitMQ is unreachable', () => {
  let proxy: TcpProxy;
  let proxyUrl: string;
  let harness: ApiHarness | undefined;

  beforeEach(async () => {
    ({ proxy, url: proxyUrl } = await TcpProxy.forUrl(brokerUrl(), 5672));
  });

  afterEach(async () => {
    proxy.restore();
    await harness?.close();
    harness = undefined;
    await proxy.close();
  });

  it('stays ready while the broker connection is cut, accepts events, and publishes them once it is back', async () => {
    harness = await startApiHarness({ AMQP_URL: proxyUrl });
    const applicationId = await tenant(harness);
    expect(await connected(harness)).toBe(1);

    proxy.cut();
    await waitFor(async () => ((await connected(harness!)) === 0 ? true : undefined), 'the API to see the broker gone');
    expect(await readyStatus(harness)).toBe(200);
    const ids = [await ingest(harness, applicationId), await ingest(harness, applicationId), await ingest(harness, applicationId)];
    await waitFor(async () => ((await backlog(harness!)) === 3 ? true : undefined), 'the backlog gauge to count the waiting events');
    expect(await readyStatus(harness)).toBe(200);

    proxy.restore();
    await awaitPublished(harness, ids);
  }, 90_000);

  it('starts without the broker, is ready, accepts events, and publishes them once the broker is reachable', async () => {
    proxy.cut();
    harness = await startApiHarness({ AMQP_URL: proxyUrl }, { awaitBroker: false });
    expect(await readyStatus(harness)).toBe(200);
    expect(await connected(harness)).toBe(0);
    const applicationId = await tenant(harness);
    const ids = [await ingest(harness, applicationId), await ingest(harness, applicationId)];
    await waitFor(async () => ((await backlog(harness!)) === 2 ? true : undefined), 'the backlog gauge to count the waiting events');
    expect(proxy.connectionsAccepted).toBeGreaterThan(0);

    proxy.restore();
    await awaitPublished(harness, ids);
    expect(await connected(harness)).toBe(1);
  }, 90_000);
});
