import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { addVhost, createApplication, createEvent, createEventType, deleteVhost, drainQueue, scrapeMetric, waitFor } from '@hook0/testing';
import { startApiHarness, type ApiHarness } from '../../test/api-harness';

const run = promisify(execFile);

interface DispatchMessage {
  applicationId?: string;
  eventId: string;
  dispatchRound: number;
}

/** Collects dispatch messages until every expected event id has been seen. */
async function awaitDispatched(harness: ApiHarness, amqpUrl: string, eventIds: string[]): Promise<DispatchMessage[]> {
  const seen: DispatchMessage[] = [];
  await waitFor(async () => {
    seen.push(...((await drainQueue(amqpUrl, `${harness.config.amqpPrefix}.dispatch`)) as DispatchMessage[]));
    const ids = new Set(seen.map((message) => message.eventId));
    return eventIds.every((id) => ids.has(id)) ? true : undefined;
  }, `${eventIds.length} dispatch messages`);
  return seen;
}

async function outboxSize(db: Client): Promise<number> {
  const { rows } = await db.query<{ count: string }>('SELECT count(*) FROM event_outbox');
  return Number(rows[0].count);
}

function ingestBody(applicationId: string) {
  return {
    application_id: applicationId,
    event_id: randomUUID(),
    event_type: 'billing.invoice.paid',
    payload: '{"n":1}',
    payload_content_type: 'application/json',
    occurred_at: new Date().toISOString(),
    labels: { env: 'test' },
  };
}

describe('transactional outbox', () => {
  const vhost = `hook0-outbox-${randomUUID().slice(0, 8)}`;
  const amqpUrl = `amqp://guest:guest@127.0.0.1:5672/${encodeURIComponent(vhost)}`;
  let harness: ApiHarness;
  let db: Client;
  let applicationId: string;

  beforeAll(async () => {
    await addVhost(vhost);
    harness = await startApiHarness({ AMQP_URL: amqpUrl });
    db = new Client({ connectionString: harness.database.url });
    await db.connect();
    ({ applicationId } = await createApplication(db));
    await createEventType(db, applicationId, 'billing.invoice.paid');
  });

  afterAll(async () => {
    await db.end();
    await harness.close();
    await deleteVhost(vhost);
  });

  it('publishes each ingested event once the commit is done, and empties the outbox', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const body = ingestBody(applicationId);
      await harness.http().post('/event').set('Authorization', `Bearer ${harness.masterKey}`).send(body).expect(201);
      ids.push(body.event_id);
    }
    const messages = await awaitDispatched(harness, amqpUrl, ids);
    const mine = messages.filter((message) => ids.includes(message.eventId));
    expect(mine).toHaveLength(10);
    expect(mine.map((message) => message.applicationId)).toEqual(ids.map(() => applicationId));
    await waitFor(async () => ((await outboxSize(db)) === 0 ? true : undefined), 'an empty outbox');
  });

  it('publishes what a replica that died between commit and publish left in the outbox', async () => {
    const orphans = [];
    for (let i = 0; i < 5; i += 1) {
      const event = await createEvent(db, applicationId, { eventTypeName: 'billing.invoice.paid' });
      await db.query('INSERT INTO event_outbox (event_id, application_id, dispatch_round) VALUES ($1, $2, 0)', [
        event.eventId,
        applicationId,
      ]);
      orphans.push(event.eventId);
    }
    await awaitDispatched(harness, amqpUrl, orphans);
    await waitFor(async () => ((await outboxSize(db)) === 0 ? true : undefined), 'an empty outbox');
  });

  it('keeps accepting while the broker connection is cut, and publishes everything once it is back', async () => {
    await run('rabbitmqctl', ['-q', 'close_all_connections', '-p', vhost, 'test: connection cut']);
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const body = ingestBody(applicationId);
      await harness.http().post('/event').set('Authorization', `Bearer ${harness.masterKey}`).send(body).expect(201);
      ids.push(body.event_id);
    }
    await awaitDispatched(harness, amqpUrl, ids);
    await waitFor(async () => ((await outboxSize(db)) === 0 ? true : undefined), 'an empty outbox');
  });
});

describe('back-pressure when events cannot leave the outbox', () => {
  const vhost = `hook0-backlog-${randomUUID().slice(0, 8)}`;
  const amqpUrl = `amqp://guest:guest@127.0.0.1:5672/${encodeURIComponent(vhost)}`;
  let harness: ApiHarness;
  let applicationId: string;

  beforeAll(async () => {
    await addVhost(vhost);
    harness = await startApiHarness({ AMQP_URL: amqpUrl, OUTBOX_MAX_BACKLOG: '5', OUTBOX_POLL_INTERVAL: '100ms' });
    const db = new Client({ connectionString: harness.database.url });
    await db.connect();
    ({ applicationId } = await createApplication(db));
    await createEventType(db, applicationId, 'billing.invoice.paid');
    await db.end();
  });

  afterAll(async () => {
    await harness.close();
    await deleteVhost(vhost);
  });

  const ingest = () => harness.http().post('/event').set('Authorization', `Bearer ${harness.masterKey}`).send(ingestBody(applicationId));

  const metric = (name: string, labels: Record<string, string> = {}) => scrapeMetric(harness.api.opsUrl, name, labels);

  it('answers 503 with Retry-After once OUTBOX_MAX_BACKLOG events wait, and accepts again once they are published', async () => {
    await deleteVhost(vhost);
    const refusal = await waitFor(
      async () => {
        const response = await ingest();
        return response.status === 503 ? response : undefined;
      },
      'a 503 from ingest',
      60_000,
      100,
    );
    expect(refusal.headers['retry-after']).toBe('5');
    expect(refusal.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refusal.body).toMatchObject({ id: 'ServiceUnavailable', status: 503 });
    await waitFor(
      async () => ((await metric('hook0_events_ingested_total', { outcome: 'backlog_full' })) >= 1 ? true : undefined),
      'a backlog_full ingest counted',
    );
    expect(await metric('hook0_events_ingested_total', { outcome: 'unavailable' })).toBe(0);
    expect(await metric('hook0_outbox_backlog')).toBe(5);
    expect(await metric('hook0_outbox_oldest_age_seconds')).toBeGreaterThan(0);

    await addVhost(vhost);
    await waitFor(async () => ((await ingest()).status === 201 ? true : undefined), 'ingest to accept again', 60_000, 250);
    await waitFor(
      async () => ((await metric('hook0_outbox_backlog')) + (await metric('hook0_outbox_oldest_age_seconds')) === 0 ? true : undefined),
      'an empty backlog of age 0',
    );
  }, 120_000);
});
