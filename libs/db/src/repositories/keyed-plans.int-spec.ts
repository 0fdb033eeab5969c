import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import {
  createApplication,
  createEvent,
  createSubscription,
  createTestDatabase,
  useTestDataSource,
  type TestDatabase,
} from '@hook0/testing';
import { connectDataSource } from '../connect';
import { KEYED_ACCESS_SETTINGS } from '../data-source';

const TYPE = 'billing.invoice.paid';
const PENDING_ATTEMPTS = 3_000;

/** The plans a session runs from now on, as auto_explain reports them. */
async function explainedPlans(session: PoolClient): Promise<string[]> {
  const plans: string[] = [];
  session.on('notice', (notice) => plans.push(notice.message ?? ''));
  await session.query(`LOAD 'auto_explain'`);
  await session.query(`SET auto_explain.log_min_duration = 0`);
  await session.query(`SET auto_explain.log_nested_statements = on`);
  await session.query(`SET auto_explain.log_level = notice`);
  await session.query(`SET client_min_messages = notice`);
  return plans;
}

describe('the claim function as the attempts table grows', () => {
  const db = useTestDataSource({ applicationName: 'keyed-plans-test' });

  it('finds attempts and subscriptions by key with thousands pending, on plans cached while the table was small', async () => {
    const { applicationId } = await createApplication(db.pool);
    const event = await createEvent(db.pool, applicationId, { eventTypeName: TYPE });
    const { subscriptionId } = await createSubscription(db.pool, applicationId, { url: 'http://127.0.0.1:9/', eventTypes: [TYPE] });
    const insertAttempts = (rounds: [number, number], parked: boolean) =>
      db.pool.query(
        `INSERT INTO request_attempt (request_attempt_id, event_id, subscription_id, application_id, dispatch_round, retry_count, parked_at)
         SELECT gen_random_uuid(), $1, $2, $3, round, 0, CASE WHEN $6 THEN now() END FROM generate_series($4::int, $5::int) AS round
         RETURNING request_attempt_id`,
        [event.eventId, subscriptionId, applicationId, rounds[0], rounds[1], parked],
      );
    const claim = (session: PoolClient, ids: string[]) =>
      session.query(`SELECT outcome FROM hook0_claim_attempts($1, $2, $3, 'plans-test', 60000, 50, 10)`, [ids, [subscriptionId], [2]]);

    const session = await db.pool.connect();
    try {
      const [first] = (await insertAttempts([0, 0], false)).rows;
      await claim(session, [first.request_attempt_id]);
      await insertAttempts([1, PENDING_ATTEMPTS / 2], true);
      const unparked = (await insertAttempts([PENDING_ATTEMPTS / 2 + 1, PENDING_ATTEMPTS], false)).rows;
      const plans = await explainedPlans(session);

      await claim(session, [unparked[0].request_attempt_id, unparked[1].request_attempt_id, randomUUID()]);

      expect(plans.filter((plan) => plan.includes('request_attempt'))).not.toHaveLength(0);
      for (const plan of plans) {
        expect(plan).not.toMatch(/Seq Scan on request_attempt/);
        expect(plan).not.toMatch(/request_attempt_(unparked_)?pending_idx/);
      }
    } finally {
      session.release(true);
    }
  });
});

describe('sessions opened with the keyed access settings', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('plan without sequential scans, on every connection of the pool', async () => {
    const dataSource = await connectDataSource({
      url: database.url,
      poolSize: 2,
      applicationName: 'keyed-settings-test',
      sessionSettings: KEYED_ACCESS_SETTINGS,
      timeoutMs: 10_000,
      createIfMissing: false,
    });
    try {
      const settings = await Promise.all(
        [1, 2].map(() => dataSource.query(`SELECT current_setting('enable_seqscan') AS value, pg_sleep(0.05)`)),
      );
      expect(settings.map(([row]: { value: string }[]) => row.value)).toEqual(['off', 'off']);
    } finally {
      await dataSource.destroy();
    }
  });
});
