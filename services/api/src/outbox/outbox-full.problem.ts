import { ProblemError } from '@hook0/core';

/** Ingest refused while OUTBOX_MAX_BACKLOG events wait to be published: a 503 that metrics tell apart from the others. */
export class OutboxFullProblem extends ProblemError {
  constructor() {
    super('ServiceUnavailable', 'Too many events are waiting to be published; retry later.', null, { 'Retry-After': '5' });
  }
}
