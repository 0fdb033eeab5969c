import { Pool } from 'pg';
import { createApplication, createEvent, createSubscription, createTestDatabase, ServiceProcess, type TestDatabase } from '@hook0/testing';
import { buildDispatcher } from '../test/build-dispatcher';
import { DispatcherHarness } from '../test/dispatcher-harness';

const LEASE_MARGIN_MS = 5_000;

describe('a dispatcher killed in the middle of a delivery', () => {
  let db: TestDatabase;
  let pool: Pool;
  let harness: DispatcherHarness;
  let crashed: ServiceProcess | null = null;

  beforeAll(async () => {
    await buildDispatcher();
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 3 });
  }, 180_000);
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });
  beforeEach(async () => {
    harness = await DispatcherHarness.create(db, pool);
  });
  afterEach(async () => {
    await crashed?.kill();
    crashed = null;
    await harness.dispose();
  });

  it("is delivered by another dispatcher once the dead one's lease has passed, as the same single attempt", async () => {
    harness.receiver.respondWith((_, index) => (index === 0 ? { status: 200, hang: true } : { status: 200 }));
    const timeoutMs = 2_000;
    crashed = await ServiceProcess.start(
      'dispatcher',
      harness.env({ TIMEOUT: `${timeoutMs}ms`, CONNECT_TIMEOUT: '1s', WORKER_NAME: 'doomed' }),
    );
    const { applicationId } = await createApplication(pool);
    await createSubscription(pool, applicationId, { url: harness.receiver.url, eventTypes: ['billing.invoice.paid'] });
    const event = await createEvent(pool, applicationId, { eventTypeName: 'billing.invoice.paid' });

    await harness.dispatch(event);
    await harness.receiver.waitForRequests(1);
    await crashed.kill();
    crashed = null;
    const survivor = await harness.start();
    const requests = await harness.receiver.waitForRequests(2, 30_000);
    const attempts = await harness.finishedAttempts(event, 1);

    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ retryCount: 0, httpCode: 200, workerName: survivor.workerName });
    expect(attempts[0].succeededAt).not.toBeNull();
    expect(requests.map((request) => request.headers['x-event-id'])).toEqual([event.eventId, event.eventId]);
    expect(requests[1].receivedAt - requests[0].receivedAt).toBeGreaterThanOrEqual(timeoutMs + LEASE_MARGIN_MS - 500);
  }, 60_000);
});
