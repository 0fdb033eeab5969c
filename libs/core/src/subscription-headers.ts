/** Hook0's signature header (docs/hook0-compatibility.md "Delivery and signatures"); the dispatcher's SIGNATURE_HEADER_NAME defaults to it. */
export const DEFAULT_SIGNATURE_HEADER_NAME = 'X-Hook0-Signature';

/**
 * The header that carries, during a secret rotation's overlap, the same signature made with the previous secret
 * (docs/security.md "Secret rotation"): the signature header's name with `-Previous` appended.
 */
export function previousSignatureHeaderName(signatureHeaderName: string): string {
  return `${signatureHeaderName}-Previous`;
}

const ROUTING = 'the server sets it from the target URL';
const FRAMING = 'the server frames the body itself';
const HOP_BY_HOP = 'it governs the connection, which the server owns';
const FROM_EVENT = 'the server sets it from the event';
const SIGNATURE = "it carries the server's signature";

/**
 * The `target.headers` a subscription may not set, and why (docs/security.md). The API refuses them; the dispatcher
 * drops them from rows stored before that rule. Any other name may be set, `authorization` and `user-agent` included.
 */
const FORBIDDEN: ReadonlyMap<string, string> = new Map([
  ['host', ROUTING],
  ['content-length', FRAMING],
  ['transfer-encoding', FRAMING],
  ['te', HOP_BY_HOP],
  ['trailer', HOP_BY_HOP],
  ['connection', HOP_BY_HOP],
  ['keep-alive', HOP_BY_HOP],
  ['upgrade', HOP_BY_HOP],
  ['expect', HOP_BY_HOP],
  ['content-type', FROM_EVENT],
  ['content-encoding', FROM_EVENT],
  ['x-event-id', FROM_EVENT],
  ['x-event-type', FROM_EVENT],
  [DEFAULT_SIGNATURE_HEADER_NAME.toLowerCase(), SIGNATURE],
  [previousSignatureHeaderName(DEFAULT_SIGNATURE_HEADER_NAME).toLowerCase(), SIGNATURE],
]);

const FORBIDDEN_PREFIXES: readonly (readonly [string, string])[] = [
  ['proxy-', HOP_BY_HOP],
  // Standard Webhooks (docs/hook0-compatibility.md "Delivery and signatures") names its headers webhook-*.
  ['webhook-', SIGNATURE],
];

/** The forbidden names, a trailing `*` for a prefix, for documentation. */
export const FORBIDDEN_HEADER_PATTERNS: readonly string[] = [...FORBIDDEN.keys(), ...FORBIDDEN_PREFIXES.map(([prefix]) => `${prefix}*`)];

/**
 * Why a subscription may not set the header `name` (any case), or null when it may. `signatureHeaderName` is the
 * dispatcher's configured signature header, forbidden as well when it differs from Hook0's.
 */
export function forbiddenHeaderReason(name: string, signatureHeaderName: string = DEFAULT_SIGNATURE_HEADER_NAME): string | null {
  const lower = name.toLowerCase();
  const reason = FORBIDDEN.get(lower);
  if (reason !== undefined) return reason;
  for (const [prefix, prefixReason] of FORBIDDEN_PREFIXES) if (lower.startsWith(prefix)) return prefixReason;
  const configured = signatureHeaderName.toLowerCase();
  return lower === configured || lower === previousSignatureHeaderName(configured).toLowerCase() ? SIGNATURE : null;
}
