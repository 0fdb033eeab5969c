import { ProblemError } from '@hook0/core';
import { LoginThrottle } from './login-throttle';

const throttle = () => new LoginThrottle({ maxFailuresPerEmailAndIp: 3, maxFailuresPerIp: 5, windowMs: 60_000 });
const fail = () => Promise.reject(new ProblemError('AuthFailedLogin'));
const succeed = async () => 'tokens';

async function outcome(action: Promise<unknown>): Promise<string> {
  try {
    return String(await action);
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return error.problemId === 'RateLimited' ? `RateLimited retry-after=${error.headers['Retry-After']}` : error.problemId;
  }
}

describe('LoginThrottle', () => {
  it('refuses an (email, address) pair after its failures, with 429 and Retry-After, without running the login', async () => {
    const guard = throttle();
    for (let i = 0; i < 3; i += 1) expect(await outcome(guard.attempt('ada@example.test', '10.0.0.1', fail))).toBe('AuthFailedLogin');
    let ran = false;
    const refused = await outcome(guard.attempt('ADA@example.test', '10.0.0.1', async () => ((ran = true), 'tokens')));
    expect(refused).toMatch(/^RateLimited retry-after=(5\d|60)$/);
    expect(ran).toBe(false);
    // The same email from elsewhere, and another email from here, are not that pair.
    expect(await outcome(guard.attempt('ada@example.test', '10.0.0.2', succeed))).toBe('tokens');
    expect(await outcome(guard.attempt('bob@example.test', '10.0.0.1', succeed))).toBe('tokens');
  });

  it('refuses an address after its budget of failures over any emails', async () => {
    const guard = throttle();
    for (let i = 0; i < 5; i += 1) expect(await outcome(guard.attempt(`user${i}@example.test`, '10.0.0.1', fail))).toBe('AuthFailedLogin');
    expect(await outcome(guard.attempt('new@example.test', '10.0.0.1', succeed))).toMatch(/^RateLimited/);
    expect(await outcome(guard.attempt('new@example.test', '10.0.0.2', succeed))).toBe('tokens');
  });

  it("clears a pair's failures when it logs in, and does not count successes against the address", async () => {
    const guard = throttle();
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 2; i += 1) expect(await outcome(guard.attempt('ada@example.test', '10.0.0.1', fail))).toBe('AuthFailedLogin');
      expect(await outcome(guard.attempt('ada@example.test', '10.0.0.1', succeed))).toBe('tokens');
    }
    // 4 failures so far (past the pair's 3, had the first success not cleared them), the 2 successes not among them.
    expect(await outcome(guard.attempt('bob@example.test', '10.0.0.1', fail))).toBe('AuthFailedLogin');
    expect(await outcome(guard.attempt('carol@example.test', '10.0.0.1', succeed))).toMatch(/^RateLimited/);
  });

  it('does not count a login that failed for another reason (the hashing queue full, a database outage)', async () => {
    const guard = throttle();
    const unavailable = () => Promise.reject(new ProblemError('ServiceUnavailable'));
    for (let i = 0; i < 10; i += 1)
      expect(await outcome(guard.attempt('ada@example.test', '10.0.0.1', unavailable))).toBe('ServiceUnavailable');
    expect(await outcome(guard.attempt('ada@example.test', '10.0.0.1', succeed))).toBe('tokens');
  });

  it('counts logins in progress, so concurrent guesses cannot run past the budget', async () => {
    const guard = throttle();
    let release!: () => void;
    const pending = new Promise<void>((resolve) => (release = resolve));
    const slow = () => pending.then(fail);
    const attempts = Array.from({ length: 6 }, () => outcome(guard.attempt('ada@example.test', '10.0.0.1', slow)));
    release();
    const results = await Promise.all(attempts);
    expect(results.filter((result) => result === 'AuthFailedLogin')).toHaveLength(3);
    expect(results.filter((result) => result.startsWith('RateLimited'))).toHaveLength(3);
  });
});
