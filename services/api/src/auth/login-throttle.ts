import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { LoginThrottleConfig } from '@hook0/config';
import { ProblemError } from '@hook0/core';

/**
 * Failed logins, counted per (email, client address) and per client address, each within its window; past either
 * budget, 429 RateLimited with Retry-After. Never per email alone, which would let anyone lock a user out by failing
 * on purpose. A login in progress counts as a failure until it succeeds, so concurrent guesses cannot overrun the
 * budget; a success clears its pair's count and gives its point back to the address (docs/api.md, "Passwords").
 * State is in this process's memory, like the API rate limits.
 */
export class LoginThrottle {
  private readonly byPair: RateLimiterMemory;
  private readonly byClient: RateLimiterMemory;

  constructor(config: LoginThrottleConfig) {
    const duration = Math.max(1, Math.ceil(config.windowMs / 1000));
    this.byPair = new RateLimiterMemory({ keyPrefix: 'login-pair', points: config.maxFailuresPerEmailAndIp, duration });
    this.byClient = new RateLimiterMemory({ keyPrefix: 'login-client', points: config.maxFailuresPerIp, duration });
  }

  /**
   * Runs one login attempt of `email` from `client` (a client key, see clientKey): refused before it starts when a
   * budget is spent; counted when it fails with AuthFailedLogin; not counted when it fails for another reason.
   */
  async attempt<T>(email: string, client: string, login: () => Promise<T>): Promise<T> {
    const pair = `${client} ${email.toLowerCase()}`;
    // The address first: an address past its budget creates no pair entry, whatever emails it tries.
    await consume(this.byClient, client);
    try {
      await consume(this.byPair, pair);
    } catch (refusal) {
      await this.byClient.reward(client, 1);
      throw refusal;
    }
    try {
      const result = await login();
      await this.byPair.delete(pair);
      await this.byClient.reward(client, 1);
      return result;
    } catch (error) {
      if (!(error instanceof ProblemError && error.problemId === 'AuthFailedLogin')) {
        await this.byPair.reward(pair, 1);
        await this.byClient.reward(client, 1);
      }
      throw error;
    }
  }
}

async function consume(limiter: RateLimiterMemory, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    const retryAfter = String(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
    throw new ProblemError('RateLimited', 'Too many failed logins. Retry later.', null, { 'Retry-After': retryAfter });
  }
}
