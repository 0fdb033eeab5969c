import type { Request, Response } from 'express';
import { loadApiConfig } from '@hook0/config';
import { ProblemError } from '@hook0/core';
import type { Principal } from '../auth/principal';
import { ApiRateLimits } from './rate-limits';

const limits = (env: Record<string, string>) => new ApiRateLimits(loadApiConfig(env).rateLimits);
/** Windows of a minute, so that no bucket refills while a test runs. */
const SLOW = {
  API_RATE_LIMITING_GLOBAL_REPLENISH_PERIOD_IN_MS: '60000',
  API_RATE_LIMITING_IP_REPLENISH_PERIOD_IN_MS: '60000',
  API_RATE_LIMITING_TOKEN_REPLENISH_PERIOD_IN_MS: '60000',
};

const token = (tokenKey: string): Principal => ({ kind: 'master', tokenKey });
const ANONYMOUS: Principal = { kind: 'anonymous', tokenKey: 'anonymous' };

async function outcome(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
    return 'ok';
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return `${error.problemId} ${error.status} retry-after=${error.headers['Retry-After']}`;
  }
}

function through(middleware: ApiRateLimits['perClient'], ip: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const result = middleware({ ip } as Request, {} as Response, (error?: unknown) => (error ? reject(error) : resolve()));
    Promise.resolve(result).catch(reject);
  });
}

describe('ApiRateLimits (docs/hook0-compatibility.md "Rate limits")', () => {
  it('lets a token make its burst, then refuses with 429 RateLimited and a Retry-After in whole seconds', async () => {
    const rateLimits = limits({ API_RATE_LIMITING_TOKEN_BURST_SIZE: '3', API_RATE_LIMITING_TOKEN_REPLENISH_PERIOD_IN_MS: '1000' });
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await outcome(() => rateLimits.admit('caller', token('a'))));
    expect(results).toEqual(['ok', 'ok', 'ok', 'RateLimited 429 retry-after=3']);
    expect(await outcome(() => rateLimits.admit('caller', token('b')))).toBe('ok');
  });

  it('charges no token bucket on public routes', async () => {
    const rateLimits = limits({ ...SLOW, DISABLE_API_RATE_LIMITING_GLOBAL: 'true', API_RATE_LIMITING_TOKEN_BURST_SIZE: '1' });
    for (let i = 0; i < 5; i += 1) expect(await outcome(() => rateLimits.admit('shared', ANONYMOUS))).toBe('ok');
    for (let i = 0; i < 5; i += 1) expect(await outcome(() => rateLimits.admit('shared', token('a')))).toBe('ok');
    expect(await outcome(() => rateLimits.admit('caller', token('a')))).toBe('ok');
    expect(await outcome(() => rateLimits.admit('caller', token('a')))).toMatch(/^RateLimited/);
  });

  it('limits each client IP on its own', async () => {
    const { perClient } = limits({ ...SLOW, API_RATE_LIMITING_IP_BURST_SIZE: '2' });
    expect(await outcome(() => through(perClient, '10.0.0.1'))).toBe('ok');
    expect(await outcome(() => through(perClient, '10.0.0.1'))).toBe('ok');
    expect(await outcome(() => through(perClient, '10.0.0.1'))).toMatch(/^RateLimited 429/);
    expect(await outcome(() => through(perClient, '10.0.0.2'))).toBe('ok');
  });

  it('keys IPv6 clients by their /64, and IPv4-mapped addresses as IPv4', async () => {
    const { perClient } = limits({ ...SLOW, API_RATE_LIMITING_IP_BURST_SIZE: '2' });
    expect(await outcome(() => through(perClient, '2001:db8:a:b::1'))).toBe('ok');
    expect(await outcome(() => through(perClient, '2001:db8:a:b:ffff::2'))).toBe('ok');
    expect(await outcome(() => through(perClient, '2001:db8:a:b::3'))).toMatch(/^RateLimited 429/);
    expect(await outcome(() => through(perClient, '2001:db8:a:c::1'))).toBe('ok');
    expect(await outcome(() => through(perClient, '::ffff:10.0.0.9'))).toBe('ok');
    expect(await outcome(() => through(perClient, '10.0.0.9'))).toBe('ok');
    expect(await outcome(() => through(perClient, '::ffff:10.0.0.9'))).toMatch(/^RateLimited 429/);
  });

  it('limits all clients together with the global bucket, after their own', async () => {
    const rateLimits = limits({ ...SLOW, API_RATE_LIMITING_GLOBAL_BURST_SIZE: '2' });
    const results = [];
    for (const key of ['a', 'b', 'c']) results.push(await outcome(() => rateLimits.admit('caller', token(key))));
    expect(results).toEqual(['ok', 'ok', expect.stringMatching(/^RateLimited 429/)]);
    expect(await outcome(() => rateLimits.admit('shared', ANONYMOUS))).toMatch(/^RateLimited 429/);
  });

  it('charges the global bucket nothing for a request its token bucket refuses', async () => {
    const rateLimits = limits({ ...SLOW, API_RATE_LIMITING_GLOBAL_BURST_SIZE: '3', API_RATE_LIMITING_TOKEN_BURST_SIZE: '1' });
    expect(await outcome(() => rateLimits.admit('caller', token('flood')))).toBe('ok');
    for (let i = 0; i < 50; i += 1) expect(await outcome(() => rateLimits.admit('caller', token('flood')))).toMatch(/^RateLimited 429/);
    expect(await outcome(() => rateLimits.admit('caller', token('quiet')))).toBe('ok');
    expect(await outcome(() => rateLimits.admit('shared', ANONYMOUS))).toBe('ok');
  });

  it('passes everything when DISABLE_API_RATE_LIMITING is set', async () => {
    const rateLimits = limits({
      DISABLE_API_RATE_LIMITING: 'true',
      API_RATE_LIMITING_GLOBAL_BURST_SIZE: '1',
      API_RATE_LIMITING_IP_BURST_SIZE: '1',
      API_RATE_LIMITING_TOKEN_BURST_SIZE: '1',
    });
    for (let i = 0; i < 10; i += 1) {
      expect(await outcome(() => through(rateLimits.perClient, '10.0.0.1'))).toBe('ok');
      expect(await outcome(() => rateLimits.admit('caller', token('a')))).toBe('ok');
    }
  });

  it('turns one bucket off with DISABLE_API_RATE_LIMITING_GLOBAL, _IP or _TOKEN, leaving the others on', async () => {
    const ones = {
      ...SLOW,
      API_RATE_LIMITING_GLOBAL_BURST_SIZE: '1',
      API_RATE_LIMITING_IP_BURST_SIZE: '1',
      API_RATE_LIMITING_TOKEN_BURST_SIZE: '1',
    };
    const noIp = limits({ ...ones, DISABLE_API_RATE_LIMITING_IP: 'true' });
    for (let i = 0; i < 3; i += 1) expect(await outcome(() => through(noIp.perClient, '10.0.0.1'))).toBe('ok');
    expect(await outcome(() => noIp.admit('caller', token('a')))).toBe('ok');
    expect(await outcome(() => noIp.admit('caller', token('b')))).toMatch(/^RateLimited/);

    const noGlobal = limits({ ...ones, DISABLE_API_RATE_LIMITING_GLOBAL: 'true' });
    for (const key of ['a', 'b', 'c']) expect(await outcome(() => noGlobal.admit('caller', token(key)))).toBe('ok');
    expect(await outcome(() => noGlobal.admit('caller', token('a')))).toMatch(/^RateLimited/);

    const noToken = limits({ ...ones, API_RATE_LIMITING_GLOBAL_BURST_SIZE: '3', DISABLE_API_RATE_LIMITING_TOKEN: 'true' });
    for (let i = 0; i < 3; i += 1) expect(await outcome(() => noToken.admit('caller', token('a')))).toBe('ok');
    expect(await outcome(() => noToken.admit('caller', token('a')))).toMatch(/^RateLimited/);
    expect(await outcome(() => through(noToken.perClient, '10.0.0.1'))).toBe('ok');
    expect(await outcome(() => through(noToken.perClient, '10.0.0.1'))).toMatch(/^RateLimited/);
  });

  it('refills a window after burst × period', async () => {
    const rateLimits = limits({ API_RATE_LIMITING_TOKEN_BURST_SIZE: '2', API_RATE_LIMITING_TOKEN_REPLENISH_PERIOD_IN_MS: '25' });
    await rateLimits.admit('caller', token('a'));
    await rateLimits.admit('caller', token('a'));
    expect(await outcome(() => rateLimits.admit('caller', token('a')))).toBe('RateLimited 429 retry-after=1');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await outcome(() => rateLimits.admit('caller', token('a')))).toBe('ok');
  });
});
