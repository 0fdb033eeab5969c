import type { TransportFailure } from './errors';

/**
 * Problems worth another attempt whatever their status says: instance pacing (RateLimited, unlike the quota 429s) and
 * the API's own failures. Any other answer is decided by its status (docs/sdk.md "Retries").
 */
const RETRYABLE_PROBLEMS: ReadonlySet<string> = new Set([
  'RateLimited',
  'ServiceUnavailable',
  'InternalServerError',
  'AuthApplicationSecretLookupError',
  'AuthBiscuitLookupError',
]);

/** Whether an answer that is not a success is worth sending again. */
export function isRetryableAnswer(status: number, problemId: string | null): boolean {
  if (problemId !== null && RETRYABLE_PROBLEMS.has(problemId)) return true;
  return status >= 500;
}

/** A request that got no answer may have been acted on; the event id keeps a retry from ingesting twice. */
export function isRetryableTransportFailure(failure: TransportFailure): boolean {
  return failure === 'no_answer';
}
