import createClient, { type Client } from 'openapi-fetch';
import { boundedFetch, DEFAULT_RESPONSE_BOUNDS, type ResponseBounds } from './bounded-fetch';
import { clientOptionsHeader, userAgent } from './client-headers';
import { Hook0TransportError } from './errors';
import type { paths } from './generated/hook0-api';
import { retryPolicy, type RetryPolicy } from './retry-policy';
import { sendEvent, type EventToSend, type SendDependencies, type SentEvent } from './send-event';

export type Hook0Api = Client<paths>;

export interface Hook0ClientOptions {
  /** Where the API lives, `/api/v1` included: `http://localhost:8081/api/v1`. */
  readonly baseUrl: string;
  /** An application secret, a service token or the master API key. */
  readonly token: string;
  readonly retry?: Partial<RetryPolicy>;
  readonly bounds?: Partial<ResponseBounds>;
  /** The fetch under the client's timeout and ceilings (global fetch by default). */
  readonly fetch?: typeof fetch;
}

export interface Hook0Client {
  /** Typed requests to every route of the API (openapi-fetch over the generated `paths`). */
  readonly api: Hook0Api;
  /** The retry policy in force, after clamps. */
  readonly retry: RetryPolicy;
  /** Ingests one event with an idempotent `event_id`, retrying what is worth retrying (docs/sdk.md "sendEvent"). */
  sendEvent(event: EventToSend, dependencies?: Partial<SendDependencies>): Promise<SentEvent>;
}

function usableBaseUrl(baseUrl: string): string {
  const parsed = URL.canParse(baseUrl) ? new URL(baseUrl) : null;
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new Hook0TransportError('unusable_api_url', `not an http(s) URL to send requests to: ${JSON.stringify(baseUrl)}`, false, 0);
  }
  return baseUrl.replace(/\/+$/, '');
}

export function createHook0Client(options: Hook0ClientOptions): Hook0Client {
  const retry = retryPolicy(options.retry);
  const api = createClient<paths>({
    baseUrl: usableBaseUrl(options.baseUrl),
    fetch: boundedFetch({ ...DEFAULT_RESPONSE_BOUNDS, ...options.bounds }, options.fetch),
    headers: {
      Authorization: `Bearer ${options.token}`,
      Accept: 'application/json',
      'User-Agent': userAgent(),
      'Hook0-Client-Options': clientOptionsHeader(retry),
    },
  });
  return { api, retry, sendEvent: (event, dependencies) => sendEvent(api, retry, event, dependencies) };
}
