import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a webhook was refused: the four reasons Hook0's own SDKs also use (docs/sdk.md "Conformance"), and two earlier ones. */
export type RefusalReason =
  'signature_missing' | 'signature_malformed' | 'code_not_hexadecimal' | 'header_not_delivered' | 'code_mismatch' | 'outside_tolerance';

export class WebhookVerificationError extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** Headers as node:http, Express or fetch hand them over; names are looked up in lower case. */
export type HeaderSource =
  Headers | Readonly<Record<string, string | readonly string[] | undefined>> | ReadonlyArray<readonly [string, string]>;

export type HeaderLookup = (name: string) => string | undefined;

export function headerLookup(source: HeaderSource): HeaderLookup {
  if (typeof (source as Headers).get === 'function' && !Array.isArray(source)) {
    return (name) => (source as Headers).get(name) ?? undefined;
  }
  const entries: ReadonlyArray<readonly [string, string | readonly string[] | undefined]> = Array.isArray(source)
    ? source
    : Object.entries(source);
  const map = new Map<string, string>();
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    map.set(name.toLowerCase(), typeof value === 'string' ? value : value.join(', '));
  }
  return (name) => map.get(name.toLowerCase());
}

/** The HMAC key of a secret: a `whsec_` secret is base64 of the key; any other string (Hook0's UUID) is its UTF-8 bytes. */
export function secretKey(secret: string): Buffer {
  return secret.startsWith('whsec_') ? Buffer.from(secret.slice('whsec_'.length), 'base64') : Buffer.from(secret, 'utf8');
}

export function hmacSha256(key: Buffer, parts: readonly (string | Buffer)[]): Buffer {
  const hmac = createHmac('sha256', key);
  for (const part of parts) hmac.update(part);
  return hmac.digest();
}

/** Constant-time equality of two codes; codes of different lengths are unequal. */
export function sameCode(expected: Buffer, given: Buffer): boolean {
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface TimeWindow {
  /** Seconds either side of now a signature's timestamp may be (5 minutes by default). */
  readonly toleranceSeconds?: number;
  /** The current time in ms (Date.now by default). */
  readonly now?: () => number;
}

export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Refuses a timestamp further than the tolerance from now, in either direction; the edge itself is inside. */
export function assertWithinTolerance(timestampSeconds: number, window: TimeWindow): void {
  const tolerance = window.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const nowSeconds = Math.floor((window.now ?? Date.now)() / 1000);
  if (Math.abs(nowSeconds - timestampSeconds) > tolerance) {
    throw new WebhookVerificationError('outside_tolerance', `timestamp ${timestampSeconds} is more than ${tolerance} s from now`);
  }
}

export const asList = (secrets: string | readonly string[]): readonly string[] => (typeof secrets === 'string' ? [secrets] : secrets);
