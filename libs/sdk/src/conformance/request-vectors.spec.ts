import { MAX_COMPOSED_HEADER_BYTES, REQUEST_HEADER_CASES } from '../../test/conformance/request-cases';
import { ingested, ScriptedApi } from '../../test/scripted-api';
import { createHook0Client } from '../client';
import { SDK_VERSION } from '../client-headers';

/** True when `value` matches `pattern`: each `{part}` is the `known` text when given, else any non-empty text. */
function matchesPattern(pattern: string, known: Readonly<Record<string, string>>, value: string): boolean {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const regex = pattern
    .split(/(\{[A-Za-z]+\})/)
    .map((piece) => {
      const part = /^\{([A-Za-z]+)\}$/.exec(piece)?.[1];
      if (part === undefined) return escape(piece);
      return known[part] !== undefined ? escape(known[part]) : '.+';
    })
    .join('');
  return new RegExp(`^${regex}$`).test(value);
}

/** The request header table (docs/sdk.md "Conformance"): what requests carry on the wire. */
describe('request conformance cases', () => {
  const api = new ScriptedApi();
  beforeAll(() => api.start());
  afterAll(() => api.stop());

  const known = {
    token: 'token-xyz',
    language: 'hook0ts',
    version: SDK_VERSION,
    attempts: '4',
    backoffMs: '100',
    ceilingMs: '2000',
    budgetMs: '5000',
  };

  it('every request carries its headers, a request with a body its content type too', async () => {
    const client = createHook0Client({ baseUrl: api.url, token: 'token-xyz' });
    api.answer(ingested());
    await client.sendEvent({ applicationId: '0190a8f2-2222-7000-8000-000000000002', eventType: 'a.b.c', payload: {} });
    const [withBody] = api.calls;
    api.answer({ status: 200, body: [] });
    await client.api.GET('/event_types', { params: { query: { application_id: '0190a8f2-2222-7000-8000-000000000002' } } });
    const [withoutBody] = api.calls;
    for (const testCase of REQUEST_HEADER_CASES) {
      const carriers = testCase.sentOn === 'every request' ? [withBody, withoutBody] : [withBody];
      for (const call of carriers) {
        const value = call.headers[testCase.header.toLowerCase()];
        expect(typeof value).toBe('string');
        expect(Buffer.byteLength(value as string)).toBeLessThanOrEqual(MAX_COMPOSED_HEADER_BYTES);
        expect({ header: testCase.header, matches: matchesPattern(testCase.expected, known, value as string) }).toEqual({
          header: testCase.header,
          matches: true,
        });
      }
    }
    expect(withoutBody.headers['content-type']).toBeUndefined();
  });

  it('states the policy in force, after clamps', async () => {
    api.answer(ingested());
    await createHook0Client({ baseUrl: api.url, token: 't', retry: { maxAttempts: 1000 } }).sendEvent({
      applicationId: 'a',
      eventType: 'a.b.c',
      payload: 1,
    });
    expect(api.calls[0].headers['hook0-client-options']).toBe('attempts=16,backoff=100,ceiling=2000,budget=5000');
  });
});
