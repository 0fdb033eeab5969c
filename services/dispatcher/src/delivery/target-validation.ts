import { validateHeaderName, validateHeaderValue } from 'node:http';
import type { OutgoingRequest } from './http-sender';

const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Why the stored target cannot be sent at all (E_INVALID_TARGET), or null when it can. */
export function targetProblem(request: OutgoingRequest): string | null {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return 'target URL is not a valid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `target URL protocol ${url.protocol} is not supported`;
  if (url.hostname === '') return 'target URL has no host';
  if (!HTTP_TOKEN.test(request.method)) return 'target method is not a valid HTTP method';
  for (const [name, value] of Object.entries(request.headers)) {
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    } catch {
      return `target header ${JSON.stringify(name)} is not a valid HTTP header`;
    }
  }
  return null;
}
