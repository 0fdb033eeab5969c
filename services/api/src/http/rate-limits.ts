import type { RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { BucketConfig, RateLimitConfig } from '@hook0/config';
import { ProblemError } from '@hook0/core';
import { clientKey } from './client-address';
import type { Principal } from '../auth/principal';
import type { RateLimitClass } from './route';

/**
 * One of Hook0's buckets (`burst` at once, one more every `periodMs`) as a rate-limiter-flexible limiter:
 * `burst` requests per window of `burst × periodMs`. The sustained rate and the burst are Hook0's; the window
 * refills at once rather than token by token, so right at a window's end two bursts can pass back to back.
 * State is in this process's memory: every API replica limits on its own (docs/api.md, "Rate limits").
 */
function limiter(bucket: BucketConfig, keyPrefix: string): RateLimiterMemory | null {
  if (!bucket.enabled) return null;
  return new RateLimiterMemory({ keyPrefix, points: bucket.burst, duration: (bucket.burst * bucket.periodMs) / 1000 });
}

/** Charges one request to `key`; a refusal becomes 429 RateLimited with Retry-After (whole seconds, at least 1). */
async function charge(limiter: RateLimiterMemory | null, key: string): Promise<void> {
  if (!limiter) return;
  try {
    await limiter.consume(key);
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    const retryAfter = String(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
    throw new ProblemError('RateLimited', undefined, null, { 'Retry-After': retryAfter });
  }
}

/**
 * API rate limiting (docs/hook0-compatibility.md "Rate limits"), narrowest bucket first: the client's address on every request, then, once
 * the route is matched and the caller authenticated, the credential's bucket, and only then the global one. A request
 * its own bucket refuses never reaches the global bucket, so one client flooding the API spends its own budget, not
 * every tenant's (docs/api.md, "Rate limits").
 */
export class ApiRateLimits {
  private readonly global: RateLimiterMemory | null;
  private readonly ip: RateLimiterMemory | null;
  private readonly token: RateLimiterMemory | null;

  constructor(config: RateLimitConfig) {
    this.global = limiter(config.global, 'global');
    this.ip = limiter(config.ip, 'ip');
    this.token = limiter(config.token, 'token');
  }

  /** Express middleware for the whole API: the client's bucket (its IPv4 address or IPv6 /64, as `trust proxy` resolves it). */
  readonly perClient: RequestHandler = async (req, _res, next) => {
    await charge(this.ip, clientKey(req.ip));
    next();
  };

  /** A request its route admits: for the `caller` class the credential's bucket, then for every class the global bucket. */
  async admit(rateLimit: RateLimitClass, principal: Principal): Promise<void> {
    if (rateLimit === 'caller') await charge(this.token, principal.tokenKey);
    await charge(this.global, 'all');
  }
}
