import { randomUUID } from 'node:crypto';
import { type Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { createApplication, createEventType, useTestDataSource } from '@hook0/testing';
import { EventRepository, type NewEvent } from './event.repository';
import { OutboxRepository } from './outbox.repository';

const TYPE = 'billing.invoice.paid';

describe('EventRepository.insertWithOutbox', () => {
  const db = useTestDataSource({ applicationName: 'ingest-test' });
  let pool: Pool;
  let dataSource: DataSource;
  let events: EventRepository;
  let app: { organizationId: string; applicationId: string };

  beforeAll(async () => {
    pool = db.pool;
    dataSource = db.dataSource;
    events = new EventRepository(db.dataSource);
    app = await createApplication(pool);
    await createEventType(pool, app.applicationId, TYPE);
  });

  const event = (overrides: Partial<NewEvent> = {}): NewEvent => ({
    eventId: randomUUID(),
    applicationId: app.applicationId,
    eventTypeName: TYPE,
    payload: Buffer.from('{"a":"\\\\ \\" \u00e9"}'),
    payloadContentType: 'application/json',
    ip: '127.0.0.1',
    metadata: { k: 'v "quoted" \\ back' },
    labels: { env: 'test' },
    occurredAt: new Date('2026-05-04T09:12:30.123Z'),
    ...overrides,
  });

  it('writes events ingested together with their outbox rows, each answered for itself', async () => {
    const good = [
      event(),
      event({ payload: Buffer.from([0, 1, 2, 255]), payloadContentType: 'application/octet-stream+base64', ip: null }),
    ];
    const results = await Promise.all([
      ...good.map((e) => events.insertWithOutbox(e)),
      events.insertWithOutbox(event({ eventTypeName: 'billing.invoice.lost' })),
      events.insertWithOutbox(event(), randomUUID()),
      events.insertWithOutbox(event(), app.organizationId),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['created', 'created', 'unknown_event_type', 'unknown_event_type', 'created']);
    const { rows } = await pool.query(
      `SELECT e.payload, e.metadata, e.labels, e.ip, e.occurred_at, (o.event_id IS NOT NULL) AS queued
         FROM event e LEFT JOIN event_outbox o USING (event_id) WHERE e.event_id = ANY($1) ORDER BY e.payload_content_type`,
      [good.map((e) => e.eventId)],
    );
    expect(rows[0]).toMatchObject({
      payload: good[0].payload,
      metadata: good[0].metadata,
      labels: { env: 'test' },
      ip: '127.0.0.1',
      queued: true,
    });
    expect(rows[0].occurred_at.toISOString()).toBe('2026-05-04T09:12:30.123Z');
    expect(rows[1]).toMatchObject({ payload: good[1].payload, ip: null, queued: true });
  });

  it('refuses a reused event_id alone, even when it is ingested twice at once', async () => {
    const reused = event();
    const others = [event(), event()];
    const results = await Promise.all([
      events.insertWithOutbox(reused),
      events.insertWithOutbox({ ...reused }),
      ...others.map((e) => events.insertWithOutbox(e)),
    ]);
    expect(results.filter((r) => r.outcome === 'duplicate')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'created')).toHaveLength(3);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM event_outbox WHERE event_id = ANY($1)`, [
      [reused.eventId, ...others.map((e) => e.eventId)],
    ]);
    expect(rows[0].n).toBe(3);
  });

  it('takes one event_id in two applications at once, each with its own outbox row, and still refuses it twice in one', async () => {
    const other = await createApplication(pool);
    await createEventType(pool, other.applicationId, TYPE);
    const eventId = randomUUID();
    const theirs = event({ eventId, applicationId: other.applicationId, payload: Buffer.from('theirs') });
    const results = await Promise.all([
      events.insertWithOutbox(event({ eventId })),
      events.insertWithOutbox(theirs),
      events.insertWithOutbox({ ...theirs }),
    ]);
    expect(results[0]).toMatchObject({ outcome: 'created' });
    expect(
      results
        .slice(1)
        .map((r) => r.outcome)
        .sort(),
    ).toEqual(['created', 'duplicate']);
    const { rows } = await pool.query(
      `SELECT e.application_id, e.payload, o.application_id AS queued_for FROM event e
         JOIN event_outbox o ON o.event_id = e.event_id AND o.application_id = e.application_id WHERE e.event_id = $1`,
      [eventId],
    );
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.application_id === other.applicationId)).toMatchObject({
      payload: Buffer.from('theirs'),
      queued_for: other.applicationId,
    });
    expect(rows.find((row) => row.application_id === app.applicationId)).toMatchObject({ queued_for: app.applicationId });
  });

  it('inserts a payload too large to batch on its own', async () => {
    const large = event({ payload: Buffer.alloc(100_000, 'x'), payloadContentType: 'text/plain' });
    await expect(events.insertWithOutbox(large)).resolves.toMatchObject({ outcome: 'created' });
  });

  describe('OutboxRepository.backlog, over the rows ingest leaves', () => {
    it('is zero rows of age zero when nothing waits', async () => {
      await pool.query('DELETE FROM event_outbox');
      expect(await new OutboxRepository(dataSource).backlog(10)).toEqual({ rows: 0, oldestAgeSeconds: 0 });
    });

    it('counts the waiting rows up to the cap, and gives the age of the oldest', async () => {
      await pool.query('DELETE FROM event_outbox');
      const outbox = new OutboxRepository(dataSource);
      const waiting = [event(), event(), event()];
      for (const e of waiting) await events.insertWithOutbox(e);
      await pool.query(`UPDATE event_outbox SET created_at = now() - interval '90 seconds' WHERE event_id = $1`, [waiting[0].eventId]);
      const capped = await outbox.backlog(2);
      expect(capped.rows).toBe(2);
      expect(capped.oldestAgeSeconds).toBeGreaterThanOrEqual(90);
      expect(capped.oldestAgeSeconds).toBeLessThan(120);
      expect((await outbox.backlog(10)).rows).toBe(3);
    });
  });
});
