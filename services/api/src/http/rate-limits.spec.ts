import type { Request, Response } from 'express';
import { loadApiConfig } from '@hook0/config';
import { ProblemError } from '@hook0/core';
import type { Authenticator, Principal } from './principal';
import { ApiRateLimits } from './rate-limits';

const limits = (env: Record<string, string>) => new ApiRateLimits(loadApiConfig(env).rateLimits);

/** An authenticator that takes the header as the token key. */
const echo: Authenticator = { authenticate: async (header) => ({ kind: 'master', tokenKey: header ?? 'none' }) as Principal };

async function outcome(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
    return 'ok';
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return `${error.problemId} ${error.status} retry-after=${error.headers['Retry-After']}`;
  }
}

function through(middleware: ApiRateLimits['requests'], ip: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const result = middleware({ ip } as Request, {} as Response, (error?: unknown) => (error ? reject(error) : resolve()));
    Promise.resolve(result).catch(reject);
  });
}

describe('ApiRateLimits (HOOK0_API.md §10.2)', () => {
  it('lets a token make its burst, then refuses with 429 RateLimited and a Retry-After in whole seconds', async () => {
    const authenticator = limits({ API_RATE_LIMITING_TOKEN_BURST_SIZE: '3', API_RATE_LIMITING_TOKEN_REPLENISH_PERIOD_IN_MS: '1000' }).perToken(echo);
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await outcome(() => authenticator.authenticate('a')));
    expect(results).toEqual(['ok', 'ok', 'ok', 'RateLimited 429 retry-after=3']);
    expect(await outcome(() => authenticator.authenticate('b'))).toBe('ok');
  });

  it('charges nothing for a request whose token is refused', async () => {
    const refusing: Authenticator = { authenticate: () => Promise.reject(new ProblemError('AuthInvalidBiscuit')) };
    const authenticator = limits({ API_RATE_LIMITING_TOKEN_BURST_SIZE: '1' }).perToken(refusing);
    expect(await outcome(() => authenticator.authenticate('x'))).toMatch(/^AuthInvalidBiscuit/);
    expect(await outcome(() => authenticator.authenticate('x'))).toMatch(/^AuthInvalidBiscuit/);
  });

  it('hands the route’s auth mode through to the authenticator', async () => {
    const modes: unknown[] = [];
    const recording: Authenticator = { authenticate: async (_header, mode) => (modes.push(mode), { kind: 'master', tokenKey: 'k' }) };
    await limits({}).perToken(recording).authenticate('x', 'refresh');
    expect(modes).toEqual(['refresh']);
  });

  it('leaves the authenticator as it is when the per-token limit is off', () => {
    expect(limits({ DISABLE_API_RATE_LIMITING_TOKEN: 'true' }).perToken(echo)).toBe(echo);
    expect(limits({ DISABLE_API_RATE_LIMITING: 'true' }).perToken(echo)).toBe(echo);
  });

  it('limits each client IP on its own', async () => {
    const { requests } = limits({ DISABLE_API_RATE_LIMITING_GLOBAL: 'true', API_RATE_LIMITING_IP_BURST_SIZE: '2' });
    expect(await outcome(() => through(requests, '10.0.0.1'))).toBe('ok');
    expect(await outcome(() => through(requests, '10.0.0.1'))).toBe('ok');
    expect(await outcome(() => through(requests, '10.0.0.1'))).toMatch(/^RateLimited 429/);
    expect(await outcome(() => through(requests, '10.0.0.2'))).toBe('ok');
  });

  it('limits all clients together with the global bucket', async () => {
    const { requests } = limits({ DISABLE_API_RATE_LIMITING_IP: 'true', API_RATE_LIMITING_GLOBAL_BURST_SIZE: '2' });
    const results = [];
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) results.push(await outcome(() => through(requests, ip)));
    expect(results).toEqual(['ok', 'ok', expect.stringMatching(/^RateLimited 429/)]);
  });

  it('passes everything when DISABLE_API_RATE_LIMITING is set', async () => {
    const { requests } = limits({ DISABLE_API_RATE_LIMITING: 'true', API_RATE_LIMITING_GLOBAL_BURST_SIZE: '1', API_RATE_LIMITING_IP_BURST_SIZE: '1' });
    for (let i = 0; i < 10; i += 1) expect(await outcome(() => through(requests, '10.0.0.1'))).toBe('ok');
  });

  it('refills a window after burst × period', async () => {
    const authenticator = limits({ API_RATE_LIMITING_TOKEN_BURST_SIZE: '2', API_RATE_LIMITING_TOKEN_REPLENISH_PERIOD_IN_MS: '25' }).perToken(echo);
    await authenticator.authenticate('a');
    await authenticator.authenticate('a');
    expect(await outcome(() => authenticator.authenticate('a'))).toBe('RateLimited 429 retry-after=1');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await outcome(() => authenticator.authenticate('a'))).toBe('ok');
  });
});
