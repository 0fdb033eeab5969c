import pLimit from 'p-limit';
import { ProblemError } from '@hook0/core';

export interface HashingLimits {
  /** Hashes running at once. */
  readonly concurrency: number;
  /** Hashes waiting for a slot; one more is refused at once. */
  readonly queueSize: number;
}

/**
 * Bounds the password hashes of one process. scrypt runs on libuv's thread pool (4 threads, shared with zlib and
 * DNS lookups), so unbounded logins would starve request decompression and hold 32 MiB each; here at most
 * `concurrency` run, `queueSize` wait, and the next is refused with 503 ServiceUnavailable and Retry-After: a
 * shortage of this server's capacity rather than the client's own overuse, which a 429 would claim (docs/api.md, "Passwords").
 */
export class HashingLimiter {
  private readonly limit: pLimit.Limit;

  constructor(private readonly limits: HashingLimits) {
    this.limit = pLimit(limits.concurrency);
  }

  run<T>(hash: () => Promise<T>): Promise<T> {
    if (this.limit.activeCount + this.limit.pendingCount >= this.limits.concurrency + this.limits.queueSize) {
      return Promise.reject(new HashingOverloaded());
    }
    return this.limit(hash);
  }
}

export class HashingOverloaded extends ProblemError {
  constructor() {
    super('ServiceUnavailable', 'Too many passwords are being checked right now. Retry in a moment.', null, { 'Retry-After': '1' });
  }
}
