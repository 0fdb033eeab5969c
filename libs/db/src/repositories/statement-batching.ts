import type { MicroBatcherOptions } from '../micro-batcher';
import { isDatabaseUnavailable } from '../postgres-errors';

/** How the per-event statements (ingest, fan-out, claim, completion) are gathered: a few batches in flight, the rest waits for them. */
export const STATEMENT_BATCHING: MicroBatcherOptions = {
  maxBatch: 64,
  maxInFlight: 4,
  retryAlone: (error) => !isDatabaseUnavailable(error),
};
