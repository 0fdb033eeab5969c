/**
 * Headers the client puts on its requests. `expected` is a pattern: `{name}` stands for a part the spec either fills
 * (see its `known` map) or only requires to be non-empty; everything else must match exactly.
 */
export interface RequestHeaderCase {
  readonly header: string;
  readonly expected: string;
  readonly sentOn: 'every request' | 'requests with a body';
  readonly purpose: string;
}

export const REQUEST_HEADER_CASES: readonly RequestHeaderCase[] = [
  { header: 'Authorization', expected: 'Bearer {token}', sentOn: 'every request', purpose: 'the API token given to the client' },
  { header: 'Accept', expected: 'application/json', sentOn: 'every request', purpose: 'the only representation the client parses' },
  {
    header: 'Content-Type',
    expected: 'application/json',
    sentOn: 'requests with a body',
    purpose: 'bodies are always JSON; a bodyless request declares nothing',
  },
  {
    header: 'User-Agent',
    expected: 'hook0-client-{language}/{version} ({runtime}; {os})',
    sentOn: 'every request',
    purpose: 'lets the API operator see which SDK builds, runtimes and systems still call it',
  },
  {
    header: 'Hook0-Client-Options',
    expected: 'attempts={attempts},backoff={backoffMs},ceiling={ceilingMs},budget={budgetMs}',
    sentOn: 'every request',
    purpose: 'the retry policy after clamps, durations in ms, so repeated requests can be told from a client loop',
  },
];

/** Upper bound, in UTF-8 bytes, on any header value built from what the platform reports (runtime, OS). */
export const MAX_COMPOSED_HEADER_BYTES = 256;
