import { UnsignableHeaderError, type DeliveryErrorName } from '@hook0/core';
import { ConnectTimeoutError } from './target-agents';

const DNS_FAILURE_CODES = new Set(['EAI_AGAIN', 'EAI_FAIL', 'EAI_MEMORY', 'EAI_SYSTEM', 'ESERVFAIL', 'ETIMEOUT']);
const NO_ADDRESS_CODES = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME', 'EAI_NODATA', 'EAI_ADDRFAMILY']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'E_CONNECT_TIMEOUT']);
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EPIPE', 'EPROTO', 'HPE_INVALID_CONSTANT', 'ERR_STREAM_PREMATURE_CLOSE']);
const INVALID_TARGET_CODES = new Set(['ERR_INVALID_URL', 'ERR_INVALID_HTTP_TOKEN', 'ERR_INVALID_CHAR', 'ERR_HTTP_INVALID_HEADER_VALUE', 'ERR_UNESCAPED_CHARACTERS', 'ERR_INVALID_PROTOCOL']);
/** request-filtering-agent refuses with a plain Error worded like this, naming the address and host it refused. */
const FORBIDDEN_ADDRESS = /^DNS lookup .* is not allowed\./;

/** What is stored for each refusal: the rule, never the address, the host name or anything else DNS answered. */
export const REFUSAL_TEXT = {
  nonPublic: 'target resolves to a non-public address (loopback, private, link-local, multicast or reserved)',
  unspecified: 'target resolves to an unspecified address',
  denied: 'target resolves to a denied address',
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
    if (candidate instanceof ConnectTimeoutError) return 'E_TIMEOUT';
    if (candidate instanceof Error && FORBIDDEN_ADDRESS.test(candidate.message)) return 'E_INVALID_TARGET';
    const code = errorCode(candidate);
    if (code === undefined) continue;
    if (TIMEOUT_CODES.has(code)) return 'E_TIMEOUT';
    if (NO_ADDRESS_CODES.has(code) || INVALID_TARGET_CODES.has(code)) return 'E_INVALID_TARGET';
    if (DNS_FAILURE_CODES.has(code)) return 'E_DNS';
    if (CONNECTION_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code.includes('CERT')) return 'E_CONNECTION';
  }
  return 'E_UNKNOWN';
}

function* causeChain(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  for (let current = error; current !== undefined && current !== null && !seen.has(current); current = (current as { cause?: unknown }).cause) {
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
    if (candidate instanceof Error && FORBIDDEN_ADDRESS.test(candidate.message)) {
      if (candidate.message.endsWith('It is meta IP address.')) return REFUSAL_TEXT.unspecified;
      if (candidate.message.endsWith('It is private IP address.')) return REFUSAL_TEXT.nonPublic;
      if (candidate.message.endsWith('denyIPAddressList.')) return REFUSAL_TEXT.denied;
      return REFUSAL_TEXT.other;
    }
    const code = errorCode(candidate);
    if (code !== undefined && NO_ADDRESS_CODES.has(code)) return REFUSAL_TEXT.noAddress;
    if (code !== undefined && INVALID_TARGET_CODES.has(code)) return REFUSAL_TEXT.unsendable;
  }
  return REFUSAL_TEXT.other;
}
