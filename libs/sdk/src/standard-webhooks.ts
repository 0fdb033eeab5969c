import {
  asList,
  assertWithinTolerance,
  headerLookup,
  hmacSha256,
  sameCode,
  secretKey,
  WebhookVerificationError,
  type HeaderSource,
  type TimeWindow,
} from './webhook-verification';

export interface StandardWebhookVerifyInput extends TimeWindow {
  readonly body: Buffer;
  readonly headers: HeaderSource;
  /** `whsec_…` secrets (the subscription's `standard_webhooks_secret`), or Hook0 subscription secrets as they are. */
  readonly secrets: string | readonly string[];
}

export interface StandardWebhookHeaders {
  readonly id: string;
  readonly timestamp: number;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Standard Webhooks: `webhook-signature` holds space-separated `v1,<base64>` signatures of `<id>.<timestamp>.<body>`;
 * any one made with any of the secrets verifies (docs/hook0-compatibility.md "Delivery and signatures").
 */
export function verifyStandardWebhook(input: StandardWebhookVerifyInput): StandardWebhookHeaders {
  const lookup = headerLookup(input.headers);
  const id = lookup('webhook-id');
  const timestamp = lookup('webhook-timestamp');
  const signature = lookup('webhook-signature');
  if (id === undefined || timestamp === undefined || signature === undefined) {
    throw new WebhookVerificationError('signature_missing', 'webhook-id, webhook-timestamp and webhook-signature are all needed');
  }
  if (!/^\d+$/.test(timestamp.trim())) throw new WebhookVerificationError('signature_malformed', 'webhook-timestamp is not a number');
  const seconds = Number(timestamp.trim());
  const codes = signature
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => entry.slice(3))
    .filter((code) => BASE64.test(code))
    .map((code) => Buffer.from(code, 'base64'));
  if (codes.length === 0) throw new WebhookVerificationError('signature_malformed', 'webhook-signature has no v1 signature');
  assertWithinTolerance(seconds, input);
  const message = [`${id}.${timestamp.trim()}.`, input.body];
  const expected = asList(input.secrets).map((secret) => hmacSha256(secretKey(secret), message));
  if (!expected.some((code) => codes.some((given) => sameCode(code, given)))) {
    throw new WebhookVerificationError('code_mismatch', 'no signature matches any secret');
  }
  return { id, timestamp: seconds };
}
