import {
  asList,
  assertWithinTolerance,
  headerLookup,
  hmacSha256,
  sameCode,
  secretKey,
  WebhookVerificationError,
  type HeaderLookup,
  type HeaderSource,
  type TimeWindow,
} from './webhook-verification';

export interface ParsedHook0Signature {
  readonly timestamp: number;
  /** Covered header names, lower case, in the order signed (v1 only). */
  readonly headerNames: readonly string[];
  readonly v0: string | null;
  readonly v1: string | null;
}

const HEX_CODE = /^[0-9a-fA-F]{64}$/;

/** `t=…[,v0=…][,h=…,v1=…]`: parts split on `,`, each cut at its first `=` (docs/hook0-compatibility.md "Delivery and signatures"). */
export function parseHook0Signature(header: string): ParsedHook0Signature {
  const parts = new Map<string, string>();
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at > 0) parts.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const t = parts.get('t');
  if (t === undefined || !/^\d+$/.test(t)) throw new WebhookVerificationError('signature_malformed', 'the signature has no timestamp');
  const v0 = parts.get('v0') ?? null;
  const v1 = parts.get('v1') ?? null;
  if (v0 === null && v1 === null) throw new WebhookVerificationError('signature_malformed', 'the signature has no v0 or v1 code');
  const h = parts.get('h');
  return { timestamp: Number(t), headerNames: h ? h.toLowerCase().split(' ') : [], v0, v1 };
}

/** The message a code covers and the code given; v1 is the one checked when both are there (no downgrade to v0). */
function signedMessage(parsed: ParsedHook0Signature, body: Buffer, lookup: HeaderLookup): { message: (string | Buffer)[]; code: Buffer } {
  const given = parsed.v1 ?? parsed.v0!;
  if (!HEX_CODE.test(given)) throw new WebhookVerificationError('code_not_hexadecimal', 'the code is not 64 hexadecimal digits');
  const t = String(parsed.timestamp);
  if (parsed.v1 === null) return { message: [t, '.', body], code: Buffer.from(given, 'hex') };
  const values = parsed.headerNames.map((name) => {
    const value = lookup(name);
    if (value === undefined) throw new WebhookVerificationError('header_not_delivered', `the signed header ${name} was not delivered`);
    return value;
  });
  return { message: [t, '.', parsed.headerNames.join(' '), '.', values.join('.'), '.', body], code: Buffer.from(given, 'hex') };
}

export interface Hook0VerifyInput extends TimeWindow {
  /** The value of one signature header. */
  readonly signature: string;
  readonly body: Buffer;
  readonly headers: HeaderSource;
  /** The subscription secret, or several during a rotation. */
  readonly secrets: string | readonly string[];
}

/** Verifies one `X-Hook0-Signature` value against any of the secrets; throws WebhookVerificationError. Returns the timestamp. */
export function verifyHook0Signature(input: Hook0VerifyInput): number {
  const parsed = parseHook0Signature(input.signature);
  const { message, code } = signedMessage(parsed, input.body, headerLookup(input.headers));
  assertWithinTolerance(parsed.timestamp, input);
  if (!asList(input.secrets).some((secret) => sameCode(hmacSha256(secretKey(secret), message), code))) {
    throw new WebhookVerificationError('code_mismatch', 'the signature does not match any secret');
  }
  return parsed.timestamp;
}

export interface Hook0RequestVerifyInput extends TimeWindow {
  readonly body: Buffer;
  readonly headers: HeaderSource;
  readonly secrets: string | readonly string[];
  /** The server's SIGNATURE_HEADER_NAME (`X-Hook0-Signature` by default). */
  readonly signatureHeaderName?: string;
}

/**
 * Verifies a delivered request: its signature header, or during a secret rotation's overlap the `<header>-Previous`
 * one signed with the previous secret (docs/sdk.md "Secret rotation"). Either header may match either secret.
 * Throws the refusal of the main header when none matches. Returns the timestamp.
 */
export function verifyHook0Request(input: Hook0RequestVerifyInput): number {
  const lookup = headerLookup(input.headers);
  const name = (input.signatureHeaderName ?? 'X-Hook0-Signature').toLowerCase();
  const signatures = [lookup(name), lookup(`${name}-previous`)].filter((value): value is string => value !== undefined);
  if (signatures.length === 0) throw new WebhookVerificationError('signature_missing', `no ${name} header`);
  let refusal: unknown = null;
  for (const signature of signatures) {
    try {
      return verifyHook0Signature({ ...input, signature });
    } catch (error) {
      refusal ??= error;
    }
  }
  throw refusal;
}
