import { ProblemError } from '@hook0/core';
import { INGEST_OUTCOMES } from '@hook0/observability';
import { OutboxFullProblem } from '../outbox/outbox-full.problem';
import { ingestOutcome } from './ingest-outcome';

describe('ingestOutcome', () => {
  it.each([
    [201, undefined, 'accepted'],
    [409, new ProblemError('EventAlreadyIngested'), 'duplicate'],
    [400, new ProblemError('EventInvalidJsonPayload'), 'invalid'],
    [413, undefined, 'invalid'],
    [415, undefined, 'invalid'],
    [422, new ProblemError('Validation'), 'invalid'],
    [401, new ProblemError('AuthNoAuthorizationHeader'), 'unauthorized'],
    [403, new ProblemError('Forbidden'), 'unauthorized'],
    [404, new ProblemError('NotFound'), 'unauthorized'],
    [429, new ProblemError('RateLimited'), 'throttled'],
    [429, new ProblemError('TooManyEventsToday'), 'throttled'],
    [503, new OutboxFullProblem(), 'backlog_full'],
    [503, new ProblemError('ServiceUnavailable'), 'unavailable'],
    [500, new ProblemError('InternalServerError'), 'unavailable'],
  ] as const)('maps %i %p to %p', (status, problem, outcome) => {
    expect(ingestOutcome(status, problem)).toBe(outcome);
  });

  it('answers only outcomes the metric declares', () => {
    const statuses = [200, 201, 400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 502, 503];
    for (const status of statuses) expect(INGEST_OUTCOMES).toContain(ingestOutcome(status, undefined));
  });
});
