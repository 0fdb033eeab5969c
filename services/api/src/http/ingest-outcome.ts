import type { ProblemError } from '@hook0/core';
import type { IngestOutcome } from '@hook0/observability';
import { OutboxFullProblem } from '../outbox/outbox-full.problem';

/** What became of a POST /event, from the status it was answered with and the problem behind it, if any. */
export function ingestOutcome(status: number, problem: ProblemError | undefined): IngestOutcome {
  if (status < 300) return 'accepted';
  if (status === 409) return 'duplicate';
  if (status === 401 || status === 403 || status === 404) return 'unauthorized';
  // The rate limits and the daily event quota.
  if (status === 429) return 'throttled';
  if (problem instanceof OutboxFullProblem) return 'backlog_full';
  if (status >= 500) return 'unavailable';
  // 400, 413, 415, 422: a request that cannot be accepted as it is.
  return 'invalid';
}
