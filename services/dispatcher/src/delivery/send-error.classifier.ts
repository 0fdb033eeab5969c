import { UnsignableHeaderError, type DeliveryErrorName } from '@hook0/core';
import { ForbiddenAddressError } from './address-policy';

const DNS_FAILURE_CODES = new Set(['EAI_AGAIN', 'EAI_FAIL', 'EAI_MEMORY', 'EAI_SYSTEM', 'ESERVFAIL', 'ETIMEOUT']);
const NO_ADDRESS_CODES = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME', 'EAI_NODATA', 'EAI_ADDRFAMILY']);
// undici's own codes (UND_ERR_*) sit beside the socket's: a connect, headers or body timeout is a timeout; a socket
// closed or reset under a request, or a client closed or destroyed with it, is a connection failure; an argument
// undici refuses (a header or method it cannot send) is a target that cannot be sent.
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EPIPE',
  'EPROTO',
  'HPE_INVALID_CONSTANT',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
]);
const INVALID_TARGET_CODES = new Set([
  'ERR_INVALID_URL',
  'ERR_INVALID_HTTP_TOKEN',
  'ERR_INVALID_CHAR',
  'ERR_HTTP_INVALID_HEADER_VALUE',
  'ERR_UNESCAPED_CHARACTERS',
  'ERR_INVALID_PROTOCOL',
  'UND_ERR_INVALID_ARG',
  'UND_ERR_NOT_SUPPORTED',
]);

/** What is stored for each refusal: the rule, never the address, the host name or anything else DNS answered. */
export const REFUSAL_TEXT = {
  nonPublic: 'target resolves to a non-public address (loopback, private, link-local, multicast or reserved)',
  unspecified: 'target resolves to an unspecified address',
  noAddress: 'target host name does not resolve to any address',
  unsendable: 'target URL or headers cannot be sent',
  other: 'target refused',
} as const;

/**
 * Maps a failed send to Hook0's error names (docs/hook0-compatibility.md "Delivery and signatures"). `timedOut` is true when the total
 * timeout aborted the request. Walks the `cause` chain, since HTTP clients wrap socket errors.
 */
export function classifySendError(error: unknown, timedOut: boolean): DeliveryErrorName {
  if (timedOut) return 'E_TIMEOUT';
  for (const candidate of causeChain(error)) {
    if (candidate instanceof UnsignableHeaderError) return 'E_INVALID_HEADER';
    if (candidate instanceof ForbiddenAddressError) return 'E_INVALID_TARGET';
    const code = errorCode(candidate);
    if (code === undefined) continue;
    if (TIMEOUT_CODES.has(code)) return 'E_TIMEOUT';
    if (NO_ADDRESS_CODES.has(code) || INVALID_TARGET_CODES.has(code)) return 'E_INVALID_TARGET';
    if (DNS_FAILURE_CODES.has(code)) return 'E_DNS';
    if (CONNECTION_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code.includes('CERT'))
      return 'E_CONNECTION';
  }
  return 'E_UNKNOWN';
}

function* causeChain(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  for (
    let current = error;
    current !== undefined && current !== null && !seen.has(current);
    current = (current as { cause?: unknown }).cause
  ) {
    seen.add(current);
    yield current;
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The fixed text stored for an E_INVALID_TARGET failure (docs/security.md): which rule refused the target. */
export function invalidTargetText(error: unknown): string {
  for (const candidate of causeChain(error)) {
    if (candidate instanceof ForbiddenAddressError) return REFUSAL_TEXT[candidate.rule];
    const code = errorCode(candidate);
    if (code !== undefined && NO_ADDRESS_CODES.has(code)) return REFUSAL_TEXT.noAddress;
    if (code !== undefined && INVALID_TARGET_CODES.has(code)) return REFUSAL_TEXT.unsendable;
  }
  return REFUSAL_TEXT.other;
}
