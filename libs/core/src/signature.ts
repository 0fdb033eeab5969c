import { createHmac } from 'node:crypto';

export type SignatureVersion = 'v0' | 'v1';

export interface SignatureInput {
  readonly secret: string;
  readonly timestampSeconds: number;
  readonly body: Buffer;
  /** Every outgoing header except the signature itself; names in any case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly versions: readonly SignatureVersion[];
}

const VISIBLE_ASCII = /^[\x20-\x7e]*$/;

export class UnsignableHeaderError extends Error {
  constructor(readonly headerName: string) {
    super(`header ${headerName} has a value that is not visible ASCII`);
    this.name = 'UnsignableHeaderError';
  }
}

function hmacHex(secret: string, parts: readonly (string | Buffer)[]): string {
  const hmac = createHmac('sha256', Buffer.from(secret, 'utf8'));
  for (const part of parts) hmac.update(part);
  return hmac.digest('hex');
}

/** Hook0's `X-Hook0-Signature` value (docs/hook0-compatibility.md "Delivery and signatures"). Throws UnsignableHeaderError on non-ASCII header values. */
export function hook0Signature(input: SignatureInput): string {
  const t = String(input.timestampSeconds);
  const parts = [`t=${t}`];
  if (input.versions.includes('v0')) parts.push(`v0=${hmacHex(input.secret, [t, '.', input.body])}`);
  if (input.versions.includes('v1')) {
    const entries = Object.entries(input.headers)
      .map(([name, value]) => [name.toLowerCase(), value] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, value] of entries) if (!VISIBLE_ASCII.test(value)) throw new UnsignableHeaderError(name);
    const names = entries.map(([name]) => name).join(' ');
    const values = entries.map(([, value]) => value).join('.');
    parts.push(`h=${names}`, `v1=${hmacHex(input.secret, [t, '.', names, '.', values, '.', input.body])}`);
  }
  return parts.join(',');
}

/** Standard Webhooks `webhook-signature` value for one secret (docs/hook0-compatibility.md "Delivery and signatures"). */
export function standardWebhooksSignature(secret: string, messageId: string, timestampSeconds: number, body: Buffer): string {
  const hmac = createHmac('sha256', Buffer.from(secret, 'utf8'));
  hmac.update(`${messageId}.${timestampSeconds}.`);
  hmac.update(body);
  return `v1,${hmac.digest('base64')}`;
}

/** The `whsec_` form of a subscription secret that Standard Webhooks libraries take. */
export function standardWebhooksSecret(secret: string): string {
  return `whsec_${Buffer.from(secret, 'utf8').toString('base64')}`;
}
