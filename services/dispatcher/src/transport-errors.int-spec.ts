import { Pool } from 'pg';
import { createApplication, createEvent, createSubscription, createTestDatabase, freePort, type TestDatabase } from '@hook0/testing';
import { DispatcherHarness } from './testing/dispatcher-harness';

const TYPE = 'billing.invoice.paid';

describe('deliveries that do not get a 2xx', () => {
  let db: TestDatabase;
  let pool: Pool;
  let harness: DispatcherHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 3 });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });
  beforeEach(async () => {
    harness = await DispatcherHarness.create(db, pool);
  });
  afterEach(() => harness.dispose());

  async function deliverOnce(url: string) {
    const { applicationId } = await createApplication(pool);
    await createSubscription(pool, applicationId, { url, eventTypes: [TYPE] });
    const event = await createEvent(pool, applicationId, { eventTypeName: TYPE });
    await harness.dispatch(event.eventId);
    const [attempt] = await harness.finishedAttempts(event.eventId, 1);
    const { rows } = await pool.query('SELECT elapsed_time_ms AS "elapsedMs" FROM response WHERE response_id = $1', [attempt.responseId]);
    return { ...attempt, elapsedMs: rows[0].elapsedMs as number };
  }

  it.each([
    ['an IP address', (url: string) => url],
    ['a name resolving to one', (url: string) => url.replace('127.0.0.1', 'localhost')],
  ])('refuses a loopback target given as %s (E_INVALID_TARGET) when the IP check is on, sending nothing', async (_, target) => {
    await harness.start({ DISABLE_TARGET_IP_CHECK: 'false', MAX_RETRIES: '0' });

    const attempt = await deliverOnce(target(harness.receiver.url));

    expect(attempt).toMatchObject({ errorName: 'E_INVALID_TARGET', httpCode: null });
    expect(attempt.responseBody).toMatch(/is not allowed/);
    expect(attempt.failedAt).not.toBeNull();
    expect(harness.receiver.requests).toHaveLength(0);
  });

  it('gives up on a receiver that does not answer within TIMEOUT (E_TIMEOUT)', async () => {
    harness.receiver.respondWith(() => ({ status: 200, hang: true }));
    await harness.start({ TIMEOUT: '500ms', CONNECT_TIMEOUT: '500ms', MAX_RETRIES: '0' });

    const attempt = await deliverOnce(harness.receiver.url);

    expect(attempt).toMatchObject({ errorName: 'E_TIMEOUT', httpCode: null });
    expect(attempt.elapsedMs).toBeGreaterThanOrEqual(450);
    expect(attempt.responseBody).toMatch(/timed out/);
    expect(harness.receiver.requests).toHaveLength(1);
  });

  it('does not follow a redirect: a 302 is a failure (E_HTTP)', async () => {
    harness.receiver.respondWith((request) =>
      request.path === '/moved' ? { status: 302, headers: { Location: '/elsewhere' } } : { status: 200 },
    );
    await harness.start({ MAX_RETRIES: '0' });

    const attempt = await deliverOnce(`${harness.receiver.url}/moved`);

    expect(attempt).toMatchObject({ errorName: 'E_HTTP', httpCode: 302 });
    expect(harness.receiver.requests.map((request) => request.path)).toEqual(['/moved']);
  });

  it('records a refused connection as E_CONNECTION', async () => {
    await harness.start({ MAX_RETRIES: '0' });

    const attempt = await deliverOnce(`http://127.0.0.1:${await freePort()}/`);

    expect(attempt).toMatchObject({ errorName: 'E_CONNECTION', httpCode: null });
  });

  it('records a target URL that cannot be sent to as E_INVALID_TARGET', async () => {
    await harness.start({ MAX_RETRIES: '0' });

    const attempt = await deliverOnce('ftp://127.0.0.1/file');

    expect(attempt).toMatchObject({ errorName: 'E_INVALID_TARGET', httpCode: null });
  });

  it('keeps at most RESPONSE_BODY_MAX_BYTES of a response body', async () => {
    harness.receiver.respondWith(() => ({ status: 200, body: 'x'.repeat(10_000) }));
    await harness.start({ RESPONSE_BODY_MAX_BYTES: '1000' });

    const attempt = await deliverOnce(harness.receiver.url);

    expect(attempt).toMatchObject({ errorName: null, httpCode: 200, responseBody: 'x'.repeat(1000) });
  });
});
