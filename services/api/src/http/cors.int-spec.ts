import { startApiHarness, type ApiHarness } from '../../test/api-harness';

const ALLOWED = 'https://dashboard.example.test';

/** Browsers on the listed origins may call the API, with Hook0's methods and headers (docs/api.md "CORS and request ids"). */
describe('CORS', () => {
  let harness: ApiHarness;
  let closed: ApiHarness;

  beforeAll(async () => {
    harness = await startApiHarness({ CORS_ALLOWED_ORIGINS: `${ALLOWED}, http://localhost:5173` });
    closed = await startApiHarness();
  });
  afterAll(async () => {
    await harness.close();
    await closed.close();
  });

  it('answers a preflight from an allowed origin with Hook0 methods and headers, cached for an hour', async () => {
    const response = await harness
      .http()
      .options('/event')
      .set({ Origin: ALLOWED, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' })
      .expect(204);
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(response.headers['access-control-allow-methods']).toBe('GET,POST,PUT,DELETE');
    expect(response.headers['access-control-allow-headers']).toBe('Accept,Authorization,Content-Type,Hook0-Client-Options,X-Request-Id');
    expect(response.headers['access-control-max-age']).toBe('3600');
  });

  it('lets an allowed origin read the answer and its request id, and gives another origin nothing', async () => {
    const allowed = await harness.http().get('/instance').set({ Origin: 'http://localhost:5173' }).expect(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(allowed.headers['access-control-expose-headers']).toBe('X-Request-Id,Link,Retry-After');
    const foreign = await harness.http().get('/instance').set({ Origin: 'https://evil.example.test' }).expect(200);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows no origin when CORS_ALLOWED_ORIGINS is unset', async () => {
    const response = await closed.http().get('/instance').set({ Origin: ALLOWED }).expect(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('X-Request-Id', () => {
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await startApiHarness();
  });
  afterAll(() => harness.close());

  it("keeps the caller's id, on successes and problems alike", async () => {
    expect((await harness.http().get('/instance').set('X-Request-Id', 'req-42:abc').expect(200)).headers['x-request-id']).toBe(
      'req-42:abc',
    );
    expect((await harness.http().get('/nowhere').set('X-Request-Id', 'trace/1').expect(404)).headers['x-request-id']).toBe('trace/1');
  });

  it('replaces an id that is not a plain token, and gives one to a request without', async () => {
    for (const hostile of ['two words', 'x'.repeat(129), '<script>', 'a\tb']) {
      const response = await harness.http().get('/instance').set('X-Request-Id', hostile).expect(200);
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect((await harness.http().get('/instance').expect(200)).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
