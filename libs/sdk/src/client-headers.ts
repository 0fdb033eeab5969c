import os from 'node:os';
import type { RetryPolicy } from './retry-policy';

/** This package's version, which it reports on the wire; a unit test holds it to package.json. */
export const SDK_VERSION = '0.1.0';

/** Longest value this client composes from what the platform says (docs/sdk.md "Conformance"). */
const MAX_COMPOSED_BYTES = 256;

const cut = (value: string) =>
  Buffer.from(value, 'utf8')
    .subarray(0, MAX_COMPOSED_BYTES)
    .toString('utf8')
    .replace(/\uFFFD$/, '');

/** `hook0-client-hook0ts/<version> (node/<version>; <os>)`, in the shape Hook0's SDKs send. */
export function userAgent(): string {
  return cut(`hook0-client-hook0ts/${SDK_VERSION} (node/${process.versions.node}; ${os.platform()})`);
}

/** `Hook0-Client-Options`: the retry policy in force, so the API can tell one send repeated from a client in a loop. */
export function clientOptionsHeader(policy: RetryPolicy): string {
  return `attempts=${policy.maxAttempts},backoff=${policy.initialBackoffMs},ceiling=${policy.maxBackoffMs},budget=${policy.maxTotalDelayMs}`;
}
