import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  createApplication,
  createEvent,
  createSubscription,
  databaseUrl,
  POSTGRES_ADMIN_URL,
  requireTestEnv,
  TEST_ENV,
} from '@hook0/testing';
import { EventIdPerApplication1765100000000 } from './1765100000000-event-id-per-application';
import { MIGRATIONS } from './index';

const TYPE = 'billing.invoice.paid';

/** The migration on a database that already holds events, outbox rows, attempts and responses, then back down. */
describe('migration EventIdPerApplication1765100000000', () => {
  const name = `hook0_test_${requireTestEnv(TEST_ENV.runId)}_migration_${randomBytes(4).toString('hex')}`;
  const url = databaseUrl(name);
  let pool: Pool;
  let a: { applicationId: string; subscriptionId: string; eventIds: string[] };
  let b: { applicationId: string; subscriptionId: string; eventIds: string[] };

  const migrations = (list: typeof MIGRATIONS) =>
    new DataSource({
      type: 'postgres',
      url,
      migrations: list,
      migrationsTableName: 'typeorm_migrations',
      synchronize: false,
      logging: false,
    });
  async function withDataSource<T>(list: typeof MIGRATIONS, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
    const dataSource = await migrations(list).initialize();
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }
  // The migrations up to this one: later ones are not part of what this test checks.
  const upToThis = MIGRATIONS.slice(0, MIGRATIONS.indexOf(EventIdPerApplication1765100000000) + 1);
  const migrateUp = () => withDataSource(upToThis, async (ds) => (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name));
  const migrateDown = () => withDataSource(upToThis, (ds) => ds.undoLastMigration());
  const query = async <T = Record<string, unknown>>(sql: string, values: unknown[] = []) => (await pool.query(sql, values)).rows as T[];
  const keyOf = async (constraint: string) =>
    (
      await query<{ columns: string[]; validated: boolean }>(
        `SELECT array_agg(a.attname::text ORDER BY k.ordinality) AS columns, bool_and(c.convalidated) AS validated
           FROM pg_constraint c CROSS JOIN unnest(c.conkey) WITH ORDINALITY AS k (attnum, ordinality)
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
          WHERE c.conname = $1 GROUP BY c.oid`,
        [constraint],
      )
    )[0] ?? null;
  /** Every row the migration must keep, in a stable order. */
  const contents = async () => ({
    events: await query(`SELECT event_id, application_id, payload, dispatch_round FROM event ORDER BY event_id, application_id`),
    attempts: await query(
      `SELECT request_attempt_id, event_id, application_id, subscription_id, response_id FROM request_attempt ORDER BY request_attempt_id`,
    ),
    responses: await query(`SELECT response_id, application_id FROM response ORDER BY response_id`),
    outbox: await query(`SELECT outbox_id, event_id, dispatch_round FROM event_outbox ORDER BY outbox_id`),
  });

  async function application(events: number) {
    const { applicationId } = await createApplication(pool);
    const { subscriptionId } = await createSubscription(pool, applicationId, { url: 'http://127.0.0.1:9/', eventTypes: [TYPE] });
    const eventIds: string[] = [];
    for (let i = 0; i < events; i += 1) {
      const { eventId } = await createEvent(pool, applicationId, {
        eventTypeName: TYPE,
        payload: `${applicationId}/${i}`,
        contentType: 'text/plain',
      });
      await query('INSERT INTO event_outbox (event_id, dispatch_round) VALUES ($1, 0)', [eventId]);
      const responseId = randomUUID();
      await query(`INSERT INTO response (response_id, application_id, http_code, elapsed_time_ms) VALUES ($1, $2, 200, 5)`, [
        responseId,
        applicationId,
      ]);
      await query(
        `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count, succeeded_at, response_id)
         VALUES ($1, $2, $3, $4, 0, 0, now(), $5), ($6, $2, $3, $4, 0, 1, NULL, NULL)`,
        [randomUUID(), eventId, subscriptionId, applicationId, responseId, randomUUID()],
      );
      eventIds.push(eventId);
    }
    return { applicationId, subscriptionId, eventIds };
  }

  beforeAll(async () => {
    const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    await withDataSource(upToThis.slice(0, -1), (ds) => ds.runMigrations({ transaction: 'each' }));
    pool = new Pool({ connectionString: url, max: 2 });
    a = await application(3);
    b = await application(2);
  });
  afterAll(async () => {
    await pool?.end();
    const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('converts the data: every row kept, outbox rows given their application, the key on (event_id, application_id)', async () => {
    const before = await contents();
    expect(await keyOf('event_pkey')).toEqual({ columns: ['event_id'], validated: true });

    expect(await migrateUp()).toEqual(['EventIdPerApplication1765100000000']);

    expect(await contents()).toEqual(before);
    const outbox = await query<{ event_id: string; application_id: string }>('SELECT event_id, application_id FROM event_outbox');
    expect(outbox).toHaveLength(5);
    for (const row of outbox) expect(row.application_id).toBe(a.eventIds.includes(row.event_id) ? a.applicationId : b.applicationId);
    expect(await keyOf('event_pkey')).toEqual({ columns: ['event_id', 'application_id'], validated: true });
    expect(await keyOf('request_attempt_event_fkey')).toEqual({ columns: ['event_id', 'application_id'], validated: true });
    expect(await keyOf('event_outbox_event_fkey')).toEqual({ columns: ['event_id', 'application_id'], validated: true });
    expect(await keyOf('request_attempt_event_id_fkey')).toBeNull();
    expect(await query(`SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid`)).toEqual([]);
  });

  it("then takes another application's id, still refuses an id within its application, and cascades per application", async () => {
    const [shared] = a.eventIds;
    await createEvent(pool, b.applicationId, { eventTypeName: TYPE, eventId: shared, payload: 'b copy', contentType: 'text/plain' });
    await query(
      `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count) VALUES ($1, $2, $3, $4, 0, 0)`,
      [randomUUID(), shared, b.subscriptionId, b.applicationId],
    );
    await expect(createEvent(pool, a.applicationId, { eventTypeName: TYPE, eventId: shared })).rejects.toMatchObject({
      constraint: 'event_pkey',
    });

    await query('DELETE FROM event WHERE event_id = $1 AND application_id = $2', [shared, a.applicationId]);
    const left = await query<{ application_id: string }>('SELECT application_id FROM request_attempt WHERE event_id = $1', [shared]);
    expect(left.map((row) => row.application_id)).toEqual([b.applicationId]);
    expect(await query('SELECT 1 FROM event_outbox WHERE event_id = $1', [shared])).toEqual([]);
    expect(await query<{ payload: Buffer }>('SELECT payload FROM event WHERE event_id = $1', [shared])).toEqual([
      { payload: Buffer.from('b copy') },
    ]);
  });

  it('gives the outbox rows an API from before the migration writes (during a rolling upgrade) the application of their event', async () => {
    const shared = b.eventIds[0];
    // The ingest and replay statements of the previous version, which name no application in the outbox.
    await query(
      `WITH inserted AS (
         INSERT INTO event (event_id, application_id, event_type_name, payload, payload_content_type, labels, occurred_at)
         VALUES ($1, $2, $3, 'x', 'text/plain', '{"env":"test"}', now()) RETURNING event_id, dispatch_round
       ) INSERT INTO event_outbox (event_id, dispatch_round) SELECT event_id, dispatch_round FROM inserted`,
      [shared, a.applicationId, TYPE],
    );
    for (const applicationId of [b.applicationId, a.applicationId]) {
      await query(
        `WITH bumped AS (UPDATE event SET dispatch_round = dispatch_round + 1 WHERE event_id = $1 AND application_id = $2 RETURNING event_id, dispatch_round)
         INSERT INTO event_outbox (event_id, dispatch_round) SELECT event_id, dispatch_round FROM bumped`,
        [shared, applicationId],
      );
    }
    const rows = await query('SELECT application_id, dispatch_round FROM event_outbox WHERE event_id = $1 ORDER BY outbox_id', [shared]);
    expect(rows).toEqual([
      { application_id: b.applicationId, dispatch_round: 0 },
      { application_id: a.applicationId, dispatch_round: 0 },
      { application_id: b.applicationId, dispatch_round: 1 },
      { application_id: a.applicationId, dispatch_round: 1 },
    ]);
  });

  it('runs again over a converted schema (an interrupted run): it only validates', async () => {
    const before = await contents();
    await withDataSource(MIGRATIONS, async (ds) => {
      const runner = ds.createQueryRunner();
      try {
        await new EventIdPerApplication1765100000000().up(runner);
      } finally {
        await runner.release();
      }
    });
    expect(await contents()).toEqual(before);
    expect(await keyOf('event_pkey')).toEqual({ columns: ['event_id', 'application_id'], validated: true });
  });

  it('goes down only once no id is shared, back to the global key with every row, and up again over a half-built index', async () => {
    await expect(migrateDown()).rejects.toThrow(/used by several applications/);
    expect(await keyOf('event_pkey')).toEqual({ columns: ['event_id', 'application_id'], validated: true });

    await query('DELETE FROM event WHERE application_id = $1 AND event_id = ANY($2)', [a.applicationId, b.eventIds]);
    await query('DELETE FROM event WHERE application_id = $1 AND event_id = ANY($2)', [b.applicationId, a.eventIds]);
    const before = await contents();
    await migrateDown();
    expect(await contents()).toEqual(before);
    expect(await keyOf('event_pkey')).toEqual({ columns: ['event_id'], validated: true });
    expect(await keyOf('request_attempt_event_id_fkey')).toEqual({ columns: ['event_id'], validated: true });
    expect(await keyOf('event_outbox_event_id_fkey')).toEqual({ columns: ['event_id'], validated: true });
    expect(
      await query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'event_outbox' AND column_name = 'application_id'`),
    ).toEqual([]);
    expect(await query(`SELECT to_regclass('replayed_events_per_day') AS t`)).toEqual([{ t: null }]);

    // What a build interrupted before the swap leaves behind.
    await query('CREATE UNIQUE INDEX event_application_key_new ON event (event_id, application_id)');
    expect(await migrateUp()).toEqual(['EventIdPerApplication1765100000000']);
    expect(await contents()).toEqual(before);
    expect(await keyOf('event_pkey')).toEqual({ columns: ['event_id', 'application_id'], validated: true });
  });
});
