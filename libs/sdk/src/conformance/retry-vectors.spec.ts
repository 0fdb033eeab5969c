import { RETRIED_AFTER_TRANSPORT_FAILURE, RETRY_AFTER_CASES, RETRY_BY_PROBLEM, RETRY_BY_STATUS } from '../../test/conformance/retry-cases';
import { ingested, problem, ScriptedApi, type ScriptedAnswer } from '../../test/scripted-api';
import { createHook0Client } from '../client';
import { Hook0ClientError, Hook0TransportError } from '../errors';
import { isRetryableAnswer } from '../retry-decision';
import { parseRetryAfter } from '../retry-policy';

const statusCases = RETRY_BY_STATUS.flatMap((group) => group.statuses.map((status) => [status, group.retried] as const));
const problemCases = RETRY_BY_PROBLEM.flatMap((group) => group.problems.map(([id, status]) => [id, status, group.retried] as const));
const APPLICATION_ID = '0190a8f2-2222-7000-8000-000000000002';

/** The retry tables (docs/sdk.md "Conformance"), played by a real local server. */
describe('retry conformance cases', () => {
  const api = new ScriptedApi();
  const delays: number[] = [];
  beforeAll(() => api.start());
  afterAll(() => api.stop());
  beforeEach(() => (delays.length = 0));

  const client = (overrides: { maxResponseBytes?: number; budgetMs?: number } = {}) =>
    createHook0Client({
      baseUrl: api.url,
      token: 'token-xyz',
      retry: { maxAttempts: 2, maxTotalDelayMs: overrides.budgetMs ?? 5000 },
      bounds: overrides.maxResponseBytes === undefined ? {} : { maxResponseBytes: overrides.maxResponseBytes },
    });
  /** Sends once against the script; returns how many requests reached the server. */
  const requestsFor = async (first: ScriptedAnswer, budgetMs?: number): Promise<number> => {
    api.answer(first, ingested());
    await client({ budgetMs })
      .sendEvent(
        { applicationId: APPLICATION_ID, eventType: 'billing.invoice.paid', payload: { n: 1 } },
        { sleep: async (ms) => void delays.push(ms), random: () => 1 },
      )
      .catch((error: unknown) => {
        if (!(error instanceof Hook0ClientError)) throw error;
      });
    return api.calls.length;
  };

  it.each(statusCases)('status %d: retryable %s', async (status, retryable) => {
    expect(isRetryableAnswer(status, null)).toBe(retryable);
    expect(await requestsFor({ status, body: 'not a problem' })).toBe(retryable ? 2 : 1);
  });

  it.each(problemCases)('problem %s (%d): retryable %s', async (id, status, retryable) => {
    expect(isRetryableAnswer(status, id)).toBe(retryable);
    expect(await requestsFor(problem(status, id))).toBe(retryable ? 2 : 1);
  });

  it('knows every transport failure the table names', () => {
    expect(Object.keys(RETRIED_AFTER_TRANSPORT_FAILURE).sort()).toEqual(['answer_above_a_bound', 'no_answer', 'unusable_api_url']);
  });

  const retryableCause = (failure: keyof typeof RETRIED_AFTER_TRANSPORT_FAILURE) => RETRIED_AFTER_TRANSPORT_FAILURE[failure];

  it('no_answer: a socket hung up before answering is sent again', async () => {
    expect(await requestsFor({ hangUp: true })).toBe(retryableCause('no_answer') ? 2 : 1);
  });

  it('answer_above_a_bound: a body above the response ceiling is not', async () => {
    api.answer({ status: 500, body: 'x'.repeat(4096) }, ingested());
    const sent = client({ maxResponseBytes: 1024 }).sendEvent(
      { applicationId: APPLICATION_ID, eventType: 'billing.invoice.paid', payload: {} },
      { sleep: async () => undefined },
    );
    await expect(sent).rejects.toMatchObject({ failure: 'answer_above_a_bound', retryable: retryableCause('answer_above_a_bound') });
    expect(api.calls).toHaveLength(1);
  });

  it.each([
    ['a head well over the 16 KiB bound', { 'x-big': 'a'.repeat(40_000) }],
    ['more than 64 headers', Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`x-header-${i}`, 'v']))],
  ])('answer_above_a_bound: %s is not sent again', async (_name, headers) => {
    api.answer({ status: 503, headers, body: {} }, ingested());
    const sent = client().sendEvent(
      { applicationId: APPLICATION_ID, eventType: 'billing.invoice.paid', payload: {} },
      { sleep: async () => undefined },
    );
    await expect(sent).rejects.toMatchObject({ failure: 'answer_above_a_bound', retryable: retryableCause('answer_above_a_bound') });
    expect(api.calls).toHaveLength(1);
  });

  it('unusable_api_url: nothing is sent to a URL nothing can be sent to', () => {
    for (const baseUrl of ['not a url', 'ftp://127.0.0.1/api/v1']) {
      expect(() => createHook0Client({ baseUrl, token: 't' })).toThrow(Hook0TransportError);
      try {
        createHook0Client({ baseUrl, token: 't' });
      } catch (error) {
        expect(error).toMatchObject({ failure: 'unusable_api_url', retryable: retryableCause('unusable_api_url'), attempts: 0 });
      }
    }
  });

  describe('Retry-After', () => {
    it.each(RETRY_AFTER_CASES.map((entry) => [entry.title, entry] as const))('%s', async (_title, entry) => {
      expect(parseRetryAfter(entry.header)).toBe(entry.seconds);
      const budgetMs = 1100;
      expect(await requestsFor(problem(503, 'ServiceUnavailable', { 'Retry-After': entry.header }), budgetMs)).toBe(2);
      const ownSchedule = 100;
      expect(delays).toEqual([entry.seconds === null ? ownSchedule : Math.min(entry.seconds * 1000, budgetMs)]);
    });
  });
});
