import { connect, type Socket } from 'node:net';
import { TcpProxy, waitFor } from '@hook0/testing';
import { startApiHarness, type ApiHarness } from '../test/api-harness';

/** /readyz of the API: ready means able to accept events, so PostgreSQL reachable and no shutdown begun (RabbitMQ: broker-outage.int-spec.ts). */

const readyStatus = async (harness: ApiHarness) => (await fetch(`${harness.api.opsUrl}/readyz`)).status;

/** An authenticated ingest whose body never completes: the request stays in flight, so a shutdown cannot finish before it ends. */
function openIngest(harness: ApiHarness): Promise<Socket> {
  const { hostname, port } = new URL(harness.api.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST /api/v1/event HTTP/1.1\r\nHost: api\r\nAuthorization: Bearer ${harness.masterKey}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`,
      );
      resolve(socket);
    });
    socket.on('error', reject);
  });
}

describe('API readiness with PostgreSQL behind a proxy', () => {
  let proxy: TcpProxy;
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await startApiHarness(async (database) => {
      const routed = await TcpProxy.forUrl(database.url, 5432);
      proxy = routed.proxy;
      return { DATABASE_URL: routed.url, HEALTH_CHECK_TIMEOUT: '2s' };
    });
  });

  afterAll(async () => {
    proxy.restore();
    await harness.close();
    await proxy.close();
  });

  it('answers 503 while PostgreSQL is unreachable, and 200 again once it is back', async () => {
    expect(await readyStatus(harness)).toBe(200);
    proxy.cut();
    expect(await readyStatus(harness)).toBe(503);
    proxy.restore();
    await waitFor(async () => ((await readyStatus(harness)) === 200 ? true : undefined), 'the API to be ready again');
  });
});

describe('API readiness during shutdown', () => {
  it('answers 503 from the moment the shutdown begins, while requests in flight finish', async () => {
    const harness = await startApiHarness();
    try {
      const request = await openIngest(harness);
      expect(await readyStatus(harness)).toBe(200);
      const stopped = harness.api.stop();
      expect(await readyStatus(harness)).toBe(503);
      request.destroy();
      await stopped;
    } finally {
      await harness.close();
    }
  });
});
