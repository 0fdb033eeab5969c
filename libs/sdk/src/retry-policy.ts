/**
 * How one send is retried (docs/sdk.md "Retries"). Defaults and the attempt cap are the bounds Hook0 publishes for its
 * own SDKs (docs/sdk.md "Conformance").
 */
export interface RetryPolicy {
  /** Requests per send, the first included; clamped to 1..MAX_ATTEMPTS_CAP. */
  readonly maxAttempts: number;
  /** Delay before the first retry; each next one doubles, up to maxBackoffMs. */
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
  /** What all the waits of one send may add up to; a send whose budget is spent stops rather than waits. */
  readonly maxTotalDelayMs: number;
}

export const MAX_ATTEMPTS_CAP = 16;

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, initialBackoffMs: 100, maxBackoffMs: 2000, maxTotalDelayMs: 5000 };

const wholeAtLeast = (value: number, least: number) => (Number.isNaN(value) ? least : Math.max(least, Math.floor(value)));

/** The policy in force: defaults for what is not given, then clamps (attempts to the cap, delays to whole non-negative ms). */
export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const merged: RetryPolicy = {
    maxAttempts: overrides.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts,
    initialBackoffMs: overrides.initialBackoffMs ?? DEFAULT_RETRY_POLICY.initialBackoffMs,
    maxBackoffMs: overrides.maxBackoffMs ?? DEFAULT_RETRY_POLICY.maxBackoffMs,
    maxTotalDelayMs: overrides.maxTotalDelayMs ?? DEFAULT_RETRY_POLICY.maxTotalDelayMs,
  };
  return {
    maxAttempts: Math.min(MAX_ATTEMPTS_CAP, wholeAtLeast(merged.maxAttempts, 1)),
    initialBackoffMs: wholeAtLeast(merged.initialBackoffMs, 0),
    maxBackoffMs: wholeAtLeast(merged.maxBackoffMs, 0),
    maxTotalDelayMs: wholeAtLeast(merged.maxTotalDelayMs, 0),
  };
}

/**
 * `Retry-After` as a whole, non-negative number of seconds, or null. An HTTP-date is deliberately not read: Hook0's
 * SDKs keep their own schedule for one (docs/sdk.md "Retries"), and this API only sends seconds.
 */
export function parseRetryAfter(header: string | null | undefined): number | null {
  if (header === null || header === undefined) return null;
  const trimmed = header.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

export interface DelayInput {
  /** Requests already sent for this send (1 after the first). */
  readonly attemptsMade: number;
  /** What the waits of this send have added up to so far. */
  readonly spentMs: number;
  /** A parsed `Retry-After`, preferred over the schedule. */
  readonly retryAfterSeconds: number | null;
  /** In [0, 1): the schedule's delay is drawn in [half, all] of the backoff. */
  readonly random: number;
}

/** The wait before the next attempt, or null when the attempts or the delay budget are spent. */
export function nextDelayMs(policy: RetryPolicy, input: DelayInput): number | null {
  if (input.attemptsMade >= policy.maxAttempts) return null;
  const backoff = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** (input.attemptsMade - 1));
  const wanted = input.retryAfterSeconds !== null ? input.retryAfterSeconds * 1000 : Math.round(backoff / 2 + (input.random * backoff) / 2);
  if (wanted === 0) return 0;
  const left = policy.maxTotalDelayMs - input.spentMs;
  return left <= 0 ? null : Math.min(wanted, left);
}
