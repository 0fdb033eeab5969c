import { scrapeMetric, waitFor } from '@hook0/testing';
import { createTenant, startApiHarness, type ApiHarness } from '../../test/api-harness';
import { expectProblem } from '../../test/problem-assertions';

/** API rate limiting through a real server (docs/hook0-compatibility.md "Rate limits"). */
describe('API rate limits', () => {
  const harnesses: ApiHarness[] = [];
  const start = async (env: Record<string, string>) => {
    const harness = await startApiHarness({ DISABLE_API_RATE_LIMITING: 'false', ...env });
    harnesses.push(harness);
    return harness;
  };
  afterAll(() => Promise.all(harnesses.map((harness) => harness.close())));

  it("with Hook0's defaults, a token gets a burst of 20, then 429 RateLimited with Retry-After", async () => {
    const harness = await start({});
    const tenant = await createTenant(harness);
    const auth = { Authorization: `Bearer ${tenant.secret}` };
    const statuses: number[] = [];
    let refused;
    for (let i = 0; i < 25; i += 1) {
      const response = await harness.http().get('/event_types').query({ application_id: tenant.applicationId }).set(auth);
      statuses.push(response.status);
      if (response.status === 429) refused ??= response;
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200));
    expect(statuses.slice(20)).toContain(429);
    expectProblem(refused!, 429, 'RateLimited');
    expect(refused!.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    // The limit is the token's: public endpoints and other tokens still answer.
    await harness.http().get('/instance').expect(200);
  });

  it('keeps one bucket per token', async () => {
    // The master key sets the tenants up (8 requests), inside its own bucket of 10.
    const harness = await start({ API_RATE_LIMITING_TOKEN_BURST_SIZE: '10', API_RATE_LIMITING_TOKEN_REPLENISH_PERIOD_IN_MS: '60000' });
    const [first, second] = [await createTenant(harness), await createTenant(harness)];
    const list = (secret: string, applicationId: string) =>
      harness
        .http()
        .get('/subscriptions')
        .query({ application_id: applicationId })
        .set({ Authorization: `Bearer ${secret}` });
    for (let i = 0; i < 10; i += 1) await list(first.secret, first.applicationId).expect(200);
    expectProblem(await list(first.secret, first.applicationId), 429, 'RateLimited');
    await list(second.secret, second.applicationId).expect(200);
  });

  it('limits each client IP, the one X-Forwarded-For names behind a trusted proxy, public routes included', async () => {
    const harness = await start({
      DISABLE_API_RATE_LIMITING_TOKEN: 'true',
      API_RATE_LIMITING_IP_BURST_SIZE: '3',
      API_RATE_LIMITING_IP_REPLENISH_PERIOD_IN_MS: '60000',
      TRUST_PROXY_HOPS: '1',
    });
    const from = (ip: string) => harness.http().get('/payload_content_types').set('X-Forwarded-For', ip);
    for (let i = 0; i < 3; i += 1) await from('203.0.113.1').expect(200);
    const refused = await from('203.0.113.1');
    expectProblem(refused, 429, 'RateLimited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(100);
    await from('203.0.113.2').expect(200);
  });

  it('limits the whole API with the global bucket', async () => {
    const harness = await start({
      DISABLE_API_RATE_LIMITING_IP: 'true',
      DISABLE_API_RATE_LIMITING_TOKEN: 'true',
      API_RATE_LIMITING_GLOBAL_BURST_SIZE: '2',
      API_RATE_LIMITING_GLOBAL_REPLENISH_PERIOD_IN_MS: '60000',
    });
    await harness.http().get('/instance').expect(200);
    await harness.http().get('/errors').expect(200);
    expectProblem(await harness.http().get('/quotas'), 429, 'RateLimited');
    // Without credentials the ingest is refused before the global bucket is asked; with them, the bucket refuses it.
    expectProblem(await harness.http().post('/event').send({}), 401, 'AuthNoAuthorizationHeader');
    expectProblem(
      await harness
        .http()
        .post('/event')
        .set({ Authorization: `Bearer ${harness.masterKey}` })
        .send({}),
      429,
      'RateLimited',
    );
    // Refused before its body was read, the ingest still counts as one, throttled.
    const throttled = () => scrapeMetric(harness.api.opsUrl, 'hook0_events_ingested_total', { outcome: 'throttled' });
    await waitFor(async () => ((await throttled()) === 1 ? true : undefined), 'the refused ingest counted as throttled');
  });

  it('charges the global bucket only for requests their own IP bucket let through: a flooding IP does not starve the others', async () => {
    const harness = await start({
      DISABLE_API_RATE_LIMITING_TOKEN: 'true',
      API_RATE_LIMITING_IP_BURST_SIZE: '3',
      API_RATE_LIMITING_IP_REPLENISH_PERIOD_IN_MS: '60000',
      API_RATE_LIMITING_GLOBAL_BURST_SIZE: '10',
      API_RATE_LIMITING_GLOBAL_REPLENISH_PERIOD_IN_MS: '60000',
      TRUST_PROXY_HOPS: '1',
    });
    const from = (ip: string) => harness.http().get('/payload_content_types').set('X-Forwarded-For', ip);
    const statuses: number[] = [];
    for (let i = 0; i < 60; i += 1) statuses.push((await from('198.51.100.66')).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(new Set(statuses.slice(3))).toEqual(new Set([429]));
    // 3 of the global 10 spent by the flood: the other clients still have 7.
    for (let i = 1; i <= 7; i += 1) await from(`198.51.100.${i}`).expect(200);
    expectProblem(await from('198.51.100.8'), 429, 'RateLimited');
  });

  it('does not charge the global bucket for requests without valid credentials', async () => {
    const harness = await start({
      DISABLE_API_RATE_LIMITING_IP: 'true',
      API_RATE_LIMITING_GLOBAL_BURST_SIZE: '2',
      API_RATE_LIMITING_GLOBAL_REPLENISH_PERIOD_IN_MS: '60000',
    });
    for (let i = 0; i < 20; i += 1)
      expectProblem(await harness.http().get('/organizations').set('Authorization', 'Bearer not-a-token'), 403, 'AuthInvalidBiscuit');
    const master = { Authorization: `Bearer ${harness.masterKey}` };
    await harness.http().get('/organizations').set(master).expect(200);
    await harness.http().get('/organizations').set(master).expect(200);
    expectProblem(await harness.http().get('/organizations').set(master), 429, 'RateLimited');
  });

  it('keys IPv6 clients by their /64: addresses in one /64 share a bucket, other /64s have their own', async () => {
    const harness = await start({
      DISABLE_API_RATE_LIMITING_GLOBAL: 'true',
      API_RATE_LIMITING_IP_BURST_SIZE: '3',
      API_RATE_LIMITING_IP_REPLENISH_PERIOD_IN_MS: '60000',
      TRUST_PROXY_HOPS: '1',
    });
    const from = (ip: string) => harness.http().get('/payload_content_types').set('X-Forwarded-For', ip);
    await from('2001:db8:1:1::1').expect(200);
    await from('2001:db8:1:1::2').expect(200);
    await from('2001:db8:1:1:ffff:ffff:ffff:ffff').expect(200);
    expectProblem(await from('2001:db8:1:1:abcd::42'), 429, 'RateLimited');
    await from('2001:db8:1:2::1').expect(200);
    // An IPv4-mapped address is its IPv4 address.
    for (let i = 0; i < 3; i += 1) await from('203.0.113.9').expect(200);
    expectProblem(await from('::ffff:203.0.113.9'), 429, 'RateLimited');
  });

  it('lets everything through with DISABLE_API_RATE_LIMITING', async () => {
    const harness = await start({
      DISABLE_API_RATE_LIMITING: 'true',
      API_RATE_LIMITING_GLOBAL_BURST_SIZE: '1',
      API_RATE_LIMITING_IP_BURST_SIZE: '1',
      API_RATE_LIMITING_TOKEN_BURST_SIZE: '1',
    });
    const tenant = await createTenant(harness);
    for (let i = 0; i < 10; i += 1)
      await harness
        .http()
        .get('/event_types')
        .query({ application_id: tenant.applicationId })
        .set({ Authorization: `Bearer ${tenant.secret}` })
        .expect(200);
  });
});
