import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { useApiWorld } from '../../test/api-world';
import { eventBody } from '../../test/event-requests';
import { expectProblem } from '../../test/problem-assertions';
import { startApiHarness } from '../../test/api-harness';

interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: { id?: string };
}

const BOMB_BYTES = 32 * 1024 * 1024; // 16 times the 2 MiB body limit, once inflated
const COMPRESS: Record<string, (raw: Buffer) => Buffer> = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };

/** Request bodies are read only once a route has matched, authenticated and rate-limited its caller (docs/api.md, "Request bodies"). */
describe('request bodies are read after authentication', () => {
  const world = useApiWorld();
  const url = () => `${world.harness.api.url}/api/v1`;
  const bombs: Record<string, Buffer> = {};
  beforeAll(() => {
    const zeros = Buffer.alloc(BOMB_BYTES, ' ');
    for (const [encoding, compress] of Object.entries(COMPRESS)) bombs[encoding] = compress(zeros);
  });

  /** fetch, not supertest: superagent mangles request bodies sent with a Content-Encoding. */
  const post = async (path: string, headers: Record<string, string>, body: Buffer | string): Promise<RawAnswer> => {
    const response = await fetch(`${url()}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    return { status: response.status, headers: Object.fromEntries(response.headers), body: (await response.json()) as RawAnswer['body'] };
  };

  /** Sends the headers of a 64 MiB body and its first 64 KiB, never the rest: only a server that does not wait for the body answers. */
  const postWithoutFinishing = (path: string, headers: Record<string, string>) =>
    new Promise<RawAnswer>((resolve, reject) => {
      const request = httpRequest(`${url()}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(64 * 1024 * 1024), ...headers },
      });
      // The server closes the connection after answering, with the body unsent: the client's write may fail, as intended.
      request.on('error', () => undefined);
      request.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('error', reject);
        response.on('end', () => {
          request.destroy();
          resolve({ status: response.statusCode!, headers: response.headers, body: JSON.parse(text) });
        });
      });
      request.write(`{"application_id":"${'x'.repeat(64 * 1024)}`);
    });

  it('answers 401 to an unauthenticated POST while its body is still arriving, and closes the connection', async () => {
    const answer = await postWithoutFinishing('/event', {});
    expect(answer).toMatchObject({ status: 401, body: { id: 'AuthNoAuthorizationHeader' } });
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.headers.connection).toBe('close');
  });

  it('answers 403 to a POST with an unknown token while its body is still arriving', async () => {
    const answer = await postWithoutFinishing('/subscriptions', { Authorization: 'Bearer 00000000-0000-4000-8000-000000000000' });
    expect(answer).toMatchObject({ status: 403, body: { id: 'AuthInvalidBiscuit' } });
  });

  it.each([
    ['malformed JSON', {}, () => '{"application_id": '],
    ['a body over the limit', {}, () => `{"a":"${'x'.repeat(3 * 1024 * 1024)}"}`],
    ['a gzip bomb', { 'Content-Encoding': 'gzip' }, () => bombs.gzip],
    ['a brotli bomb', { 'Content-Encoding': 'br' }, () => bombs.br],
    ['a corrupt gzip stream', { 'Content-Encoding': 'gzip' }, () => 'not gzip at all'],
    ['an unknown encoding', { 'Content-Encoding': 'compress' }, () => '{}'],
  ])('answers 401 AuthNoAuthorizationHeader, not 400 or 413, to an unauthenticated POST /event with %s', async (_case, headers, body) => {
    const answer = await post('/event', headers, body());
    expect(answer).toMatchObject({ status: 401, body: { id: 'AuthNoAuthorizationHeader' } });
  });

  it.each(Object.keys(COMPRESS))('answers 413 PayloadTooLarge to an authenticated %s body inflating past the limit', async (encoding) => {
    const answer = await post('/event', { ...world.auth, 'Content-Encoding': encoding }, bombs[encoding]);
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({
      id: 'PayloadTooLarge',
      status: 413,
      detail: 'The request body is larger than 2097152 bytes (counted after decompression).',
    });
  });

  it('answers 413 PayloadTooLarge to an authenticated body over the limit, and inflates one within it', async () => {
    expectProblem(
      await world.harness
        .http()
        .post('/event')
        .set(world.auth)
        .set('Content-Type', 'application/json')
        .send(`{"a":"${'x'.repeat(3 * 1024 * 1024)}"}`),
      413,
      'PayloadTooLarge',
    );
    for (const [encoding, compress] of Object.entries(COMPRESS)) {
      const answer = await post(
        '/event',
        { ...world.auth, 'Content-Encoding': encoding },
        compress(Buffer.from(JSON.stringify(eventBody(world.tenant)))),
      );
      expect({ encoding, status: answer.status }).toEqual({ encoding, status: 201 });
    }
  });

  it('does not read the body of a route that takes none: malformed JSON and gzip bombs alike', async () => {
    const master = { Authorization: `Bearer ${world.harness.masterKey}` };
    const bodies: [string | Buffer, Record<string, string>][] = [
      ['{"malformed": ', {}],
      [bombs.gzip, { 'Content-Encoding': 'gzip' }],
      ['not gzip', { 'Content-Encoding': 'gzip' }],
    ];
    for (const [body, headers] of bodies) {
      // node:http, since fetch sends no body with a GET.
      const status = await new Promise<number>((resolve, reject) => {
        const length = String(Buffer.byteLength(body));
        const request = httpRequest(
          `${url()}/organizations`,
          { method: 'GET', headers: { ...master, 'Content-Type': 'application/json', 'Content-Length': length, ...headers } },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode!));
          },
        );
        request.on('error', reject);
        request.end(body);
      });
      expect(status).toBe(200);
    }
  });

  it('still answers 404 NotFound as problem+json to a body sent where no route is', async () => {
    const answer = await post('/nowhere', {}, '{"a": ');
    expect(answer).toMatchObject({ status: 404, body: { id: 'NotFound' } });
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('request bodies of public routes', () => {
  it('are read after the IP bucket: a client past its bucket gets 429, whatever its body', async () => {
    const harness = await startApiHarness({
      DISABLE_API_RATE_LIMITING: 'false',
      API_RATE_LIMITING_IP_BURST_SIZE: '2',
      API_RATE_LIMITING_IP_REPLENISH_PERIOD_IN_MS: '60000',
    });
    try {
      expectProblem(
        await harness.http().post('/auth/login').set('Content-Type', 'application/json').send('{"email": '),
        400,
        'JsonPayload',
      );
      expectProblem(await harness.http().post('/register').set('Content-Type', 'application/json').send('{"email": '), 400, 'JsonPayload');
      expectProblem(
        await harness.http().post('/auth/login').set('Content-Type', 'application/json').send('{"email": '),
        429,
        'RateLimited',
      );
    } finally {
      await harness.close();
    }
  });
});
