import { createApplication, createEvent, createSubscription, freePort } from '@hook0/testing';
import { REFUSAL_TEXT } from './delivery/send-error.classifier';
import { useDispatcherWorld } from '../test/dispatcher-harness';

const TYPE = 'billing.invoice.paid';

describe('deliveries that do not get a 2xx', () => {
  const world = useDispatcherWorld();

  async function deliverOnce(url: string) {
    const { applicationId } = await createApplication(world.pool);
    await createSubscription(world.pool, applicationId, { url, eventTypes: [TYPE] });
    const event = await createEvent(world.pool, applicationId, { eventTypeName: TYPE });
    await world.harness.dispatch(event);
    const [attempt] = await world.harness.finishedAttempts(event, 1);
    const { rows } = await world.pool.query('SELECT elapsed_time_ms AS "elapsedMs" FROM response WHERE response_id = $1', [
      attempt.responseId,
    ]);
    return { ...attempt, elapsedMs: rows[0].elapsedMs as number };
  }

  it.each([
    ['an IP address', (url: string) => url],
    ['a name resolving to one', (url: string) => url.replace('127.0.0.1', 'localhost')],
  ])('refuses a loopback target given as %s (E_INVALID_TARGET) when the IP check is on, sending nothing', async (_, target) => {
    await world.harness.start({ DISABLE_TARGET_IP_CHECK: 'false', MAX_RETRIES: '0' });

    const attempt = await deliverOnce(target(world.harness.receiver.url));

    expect(attempt).toMatchObject({ errorName: 'E_INVALID_TARGET', httpCode: null, responseBody: REFUSAL_TEXT.nonPublic });
    expect(attempt.responseBody).not.toMatch(/127\.0\.0\.1|::1|localhost/);
    expect(attempt.failedAt).not.toBeNull();
    expect(world.harness.receiver.requests).toHaveLength(0);
  });

  it('gives up on a receiver that does not answer within TIMEOUT (E_TIMEOUT)', async () => {
    world.harness.receiver.respondWith(() => ({ status: 200, hang: true }));
    await world.harness.start({ TIMEOUT: '500ms', CONNECT_TIMEOUT: '500ms', MAX_RETRIES: '0' });

    const attempt = await deliverOnce(world.harness.receiver.url);

    expect(attempt).toMatchObject({ errorName: 'E_TIMEOUT', httpCode: null });
    expect(attempt.elapsedMs).toBeGreaterThanOrEqual(450);
    expect(attempt.responseBody).toMatch(/timed out/);
    expect(world.harness.receiver.requests).toHaveLength(1);
  });

  it('does not follow a redirect: a 302 is a failure (E_HTTP)', async () => {
    world.harness.receiver.respondWith((request) =>
      request.path === '/moved' ? { status: 302, headers: { Location: '/elsewhere' } } : { status: 200 },
    );
    await world.harness.start({ MAX_RETRIES: '0' });

    const attempt = await deliverOnce(`${world.harness.receiver.url}/moved`);

    expect(attempt).toMatchObject({ errorName: 'E_HTTP', httpCode: 302 });
    expect(world.harness.receiver.requests.map((request) => request.path)).toEqual(['/moved']);
  });

  it('records a refused connection as E_CONNECTION', async () => {
    await world.harness.start({ MAX_RETRIES: '0' });

    const attempt = await deliverOnce(`http://127.0.0.1:${await freePort()}/`);

    expect(attempt).toMatchObject({ errorName: 'E_CONNECTION', httpCode: null });
  });

  it('records a target URL that cannot be sent to as E_INVALID_TARGET', async () => {
    await world.harness.start({ MAX_RETRIES: '0' });

    const attempt = await deliverOnce('ftp://127.0.0.1/file');

    expect(attempt).toMatchObject({ errorName: 'E_INVALID_TARGET', httpCode: null });
  });

  it('keeps at most RESPONSE_BODY_MAX_BYTES of a response body', async () => {
    world.harness.receiver.respondWith(() => ({ status: 200, body: 'x'.repeat(10_000) }));
    await world.harness.start({ RESPONSE_BODY_MAX_BYTES: '1000' });

    const attempt = await deliverOnce(world.harness.receiver.url);

    expect(attempt).toMatchObject({ errorName: null, httpCode: 200, responseBody: 'x'.repeat(1000) });
  });
});
