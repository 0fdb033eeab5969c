import { WebhookReceiver } from '@hook0/testing';
import { AxiosHttpSender, type AxiosHttpSenderOptions } from './axios-http-sender';
import type { OutgoingRequest } from './http-sender';
import { REFUSAL_TEXT } from './send-error.classifier';

const OPTIONS: AxiosHttpSenderOptions = {
  timeoutMs: 5_000,
  connectTimeoutMs: 2_000,
  responseBodyMaxBytes: 1024,
  checkTargetIp: false,
  maxPools: 100,
  poolIdleMs: 60_000,
};

describe('AxiosHttpSender against a real receiver', () => {
  // Keep-alive connections stay open on the receiver's side for the whole test, so only the sender decides reuse.
  const receiver = new WebhookReceiver({ keepAliveTimeoutMs: 30_000 });
  const senders: AxiosHttpSender[] = [];

  beforeEach(() => receiver.start());
  afterEach(async () => {
    for (const sender of senders.splice(0)) sender.close();
    receiver.requests.length = 0;
    await receiver.stop();
  });

  function sender(options: Partial<AxiosHttpSenderOptions> = {}): AxiosHttpSender {
    const created = new AxiosHttpSender({ ...OPTIONS, ...options });
    senders.push(created);
    return created;
  }

  const request = (poolKey: string, overrides: Partial<OutgoingRequest> = {}): OutgoingRequest => ({
    poolKey,
    method: 'POST',
    url: `${receiver.url}/${poolKey}`,
    headers: { 'content-type': 'text/plain', 'user-agent': 'test' },
    body: Buffer.from(`body of ${poolKey}`),
    ...overrides,
  });

  /**
   * undici hands a keep-alive socket to the next request one event-loop turn after its response ended (it first checks
   * that the server did not close it); a request sent within that turn opens another socket of the same pool.
   */
  const socketReleased = () => new Promise((resolve) => setImmediate(resolve));

  /** Sends one request and returns the client port the receiver saw it come from, once its socket is free again. */
  async function portOf(client: AxiosHttpSender, poolKey: string): Promise<number> {
    const before = receiver.requests.length;
    const result = await client.send(request(poolKey));
    expect(result).toMatchObject({ status: 204, errorName: null });
    await socketReleased();
    return receiver.requests[before].remotePort;
  }

  it('never shares a socket between two pool keys, and reuses one within a key', async () => {
    const client = sender();

    const a1 = await portOf(client, 'app-a');
    const a2 = await portOf(client, 'app-a');
    const b1 = await portOf(client, 'app-b');
    const a3 = await portOf(client, 'app-a');
    const b2 = await portOf(client, 'app-b');

    expect(a2).toBe(a1);
    expect(a3).toBe(a1);
    expect(b1).not.toBe(a1);
    expect(b2).toBe(b1);
  });

  it('keeps at most maxPools pools, closing the sockets of the least recently used one', async () => {
    const client = sender({ maxPools: 3 });

    const ports: number[] = [];
    for (let i = 0; i < 20; i += 1) ports.push(await portOf(client, `app-${i}`));

    await Promise.all(ports.slice(0, 17).map((port) => receiver.waitForClose(port, 10_000)));
    expect(new Set(ports).size).toBe(20);
    expect(await portOf(client, 'app-19')).toBe(ports[19]);
    expect(await portOf(client, 'app-0')).not.toBe(ports[0]);
  });

  it('closes the sockets of a pool unused for poolIdleMs', async () => {
    const client = sender({ poolIdleMs: 200 });

    const port = await portOf(client, 'app-a');

    await receiver.waitForClose(port, 10_000);
    expect(await portOf(client, 'app-a')).not.toBe(port);
  });

  it('lets a request in flight on a retired pool finish, then closes its socket', async () => {
    receiver.respondWith((received) => (received.path === '/slow' ? { status: 200, body: 'late', delayMs: 300 } : { status: 204 }));
    const client = sender({ maxPools: 1 });

    const slow = client.send(request('app-a', { url: `${receiver.url}/slow` }));
    await receiver.waitForRequests(1);
    await portOf(client, 'app-b');

    expect(await slow).toMatchObject({ status: 200, body: 'late', errorName: null });
    await receiver.waitForClose(receiver.requests[0].remotePort, 10_000);
  });

  it('frames the body itself: content-length from its bytes, never a content-length or transfer-encoding it is given', async () => {
    const client = sender();
    const body = Buffer.from('POST /smuggled HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi');

    const framed = await client.send(
      request('app-a', { headers: { 'content-length': '0', 'transfer-encoding': 'chunked', 'user-agent': 'test' }, body }),
    );
    await socketReleased();
    const next = await client.send(request('app-a'));

    expect([framed.status, next.status]).toEqual([204, 204]);
    expect(receiver.requests.map((received) => received.path)).toEqual(['/app-a', '/app-a']);
    expect(receiver.requests[0].headers['content-length']).toBe(String(body.length));
    expect(receiver.requests[0].headers['transfer-encoding']).toBeUndefined();
    expect(receiver.requests[0].body.equals(body)).toBe(true);
    expect(receiver.requests[1].body.toString()).toBe('body of app-a');
    expect(receiver.requests[1].remotePort).toBe(receiver.requests[0].remotePort);
  });

  it.each(['127.0.0.1', 'localhost'])(
    'refuses a loopback target given as %s with a fixed text, in every pool, sending nothing',
    async (host) => {
      const client = sender({ checkTargetIp: true });
      const url = receiver.url.replace('127.0.0.1', host);

      for (const poolKey of ['app-a', 'app-b', 'app-a']) {
        const result = await client.send(request(poolKey, { url }));
        expect(result).toMatchObject({ status: null, errorName: 'E_INVALID_TARGET', body: REFUSAL_TEXT.nonPublic });
        expect(result.body).not.toMatch(/127\.0\.0\.1|::1|localhost/);
      }
      expect(receiver.requests).toHaveLength(0);
    },
  );
});
