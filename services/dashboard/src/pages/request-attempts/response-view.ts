import { isJsonContentType } from '../events/payload-view';

/** What each error name a response may record means (docs/hook0-compatibility.md "Responses"). */
const ERROR_KINDS: Record<string, string> = {
  E_HTTP: 'The target answered with an error status',
  E_TIMEOUT: 'Timed out waiting for the target',
  E_CONNECTION: 'Could not connect to the target',
  E_DNS: "Could not resolve the target's host name",
  E_INVALID_TARGET: 'The target address is not allowed',
  E_INVALID_HEADER: 'A header of the request is invalid',
  E_UNKNOWN: 'Unknown error',
};

/** The error kind in words, with its name; null when the response records none. */
export function errorKindLabel(errorName: string | null): string | null {
  if (!errorName) return null;
  const kind = ERROR_KINDS[errorName];
  return kind ? `${kind} (${errorName})` : errorName;
}

/** The value of a header, whatever the case of its name. */
export function headerValue(headers: Record<string, string> | null, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  return Object.entries(headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
}

export interface ResponseBodyView {
  readonly text: string;
  readonly pretty: boolean;
}

/** The body as text, pretty-printed when it is JSON (by its content type, or because it parses as an object or array). */
export function responseBodyView(body: string | null, headers: Record<string, string> | null): ResponseBodyView | null {
  if (body === null || body === '') return null;
  const contentType = headerValue(headers, 'content-type') ?? '';
  const looksLikeJson = /^\s*[[{]/.test(body);
  if (isJsonContentType(contentType) || looksLikeJson) {
    try {
      return { text: JSON.stringify(JSON.parse(body), null, 2), pretty: true };
    } catch {
      // Not JSON after all: shown as it came.
    }
  }
  return { text: body, pretty: false };
}

/** Headers sorted by name, for a stable table. */
export function sortedHeaders(headers: Record<string, string> | null): [string, string][] {
  return Object.entries(headers ?? {}).sort(([a], [b]) => a.localeCompare(b));
}
