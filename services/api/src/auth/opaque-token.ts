import { createHash, randomBytes } from 'node:crypto';

/** The kinds of bearer token this server mints, each with a prefix that says what it is (and that secret scanners can match). */
export const TOKEN_PREFIXES = {
  access: 'hk0_at_',
  refresh: 'hk0_rt_',
  service: 'hk0_st_',
} as const;

export type OpaqueTokenKind = keyof typeof TOKEN_PREFIXES;

const RANDOM_BYTES = 32;
/** base64url of 32 bytes, unpadded. */
const BODY = /^[A-Za-z0-9_-]{43}$/;

export interface MintedToken {
  /** What the client gets, once. */
  readonly value: string;
  /** What the database keeps. */
  readonly hash: Buffer;
}

/** A new token: 256 bits from the CSPRNG, base64url, behind its kind's prefix. */
export function mintToken(kind: OpaqueTokenKind): MintedToken {
  const value = TOKEN_PREFIXES[kind] + randomBytes(RANDOM_BYTES).toString('base64url');
  return { value, hash: hashToken(value) };
}

/**
 * SHA-256 of the whole token. No salt and no slow KDF are needed: the input is 256 random bits, so the hash
 * cannot be reversed by guessing, and a plain digest lets the lookup be one indexed equality.
 */
export function hashToken(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** The kind of a well-formed token of ours, or null for anything else (a UUID, garbage). */
export function tokenKind(value: string): OpaqueTokenKind | null {
  for (const [kind, prefix] of Object.entries(TOKEN_PREFIXES) as [OpaqueTokenKind, string][]) {
    if (value.startsWith(prefix) && BODY.test(value.slice(prefix.length))) return kind;
  }
  return null;
}

/** A harmless reminder of which token this is: the prefix and the first 6 random characters (36 of 256 bits). */
export function tokenHint(value: string): string {
  const kind = tokenKind(value);
  const prefixLength = kind ? TOKEN_PREFIXES[kind].length : 0;
  return `${value.slice(0, prefixLength + 6)}…`;
}
