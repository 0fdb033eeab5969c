import {
  forbiddenHeaderReason,
  hook0Signature,
  previousSignatureHeaderName,
  standardWebhooksSignature,
  type SignatureVersion,
} from '@hook0/core';
import type { OutgoingRequest } from './http-sender';

export interface SigningOptions {
  readonly signatureHeaderName: string;
  readonly signatureVersions: readonly SignatureVersion[];
  readonly userAgent: string;
}

export interface DeliveryTarget {
  /** The application the subscription belongs to: requests of different applications never share a socket. */
  readonly applicationId: string;
  readonly eventId: string;
  readonly eventTypeName: string;
  readonly payload: Buffer;
  readonly payloadContentType: string;
  readonly method: string;
  readonly url: string;
  readonly customHeaders: Readonly<Record<string, unknown>>;
  readonly secret: string;
  /** The secret a rotation replaced, while its overlap lasts (docs/security.md "Secret rotation"); null otherwise. */
  readonly previousSecret?: string | null;
}

/**
 * Hook0's request (docs/hook0-compatibility.md "Delivery and signatures"): custom headers, then content-type, x-event-id, x-event-type, all signed;
 * then the signature; then the Standard Webhooks headers (docs/hook0-compatibility.md "Delivery and signatures") and the user agent, none of them signed.
 * During a secret rotation's overlap, the signature header is made with the new secret and `<signature header>-Previous`,
 * over the same input, with the previous one; `webhook-signature` carries one `v1,` signature per secret.
 * Custom headers a subscription may not set (docs/security.md) are dropped: rows stored before the API refused them
 * may still carry some. Throws UnsignableHeaderError when a signed value is not visible ASCII.
 */
export function buildOutgoingRequest(target: DeliveryTarget, options: SigningOptions, timestampSeconds: number): OutgoingRequest {
  const signatureHeader = options.signatureHeaderName.toLowerCase();
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(target.customHeaders)) {
    if (forbiddenHeaderReason(name, signatureHeader) === null) headers.set(name.toLowerCase(), String(value));
  }
  headers.set('content-type', target.payloadContentType);
  headers.set('x-event-id', target.eventId);
  headers.set('x-event-type', target.eventTypeName);
  const signed = Object.fromEntries(headers);
  const sign = (secret: string) =>
    hook0Signature({ secret, timestampSeconds, body: target.payload, headers: signed, versions: options.signatureVersions });
  const secrets = target.previousSecret ? [target.secret, target.previousSecret] : [target.secret];
  headers.set(signatureHeader, sign(target.secret));
  if (target.previousSecret) headers.set(previousSignatureHeaderName(signatureHeader).toLowerCase(), sign(target.previousSecret));
  headers.set('webhook-id', target.eventId);
  headers.set('webhook-timestamp', String(timestampSeconds));
  headers.set(
    'webhook-signature',
    secrets.map((secret) => standardWebhooksSignature(secret, target.eventId, timestampSeconds, target.payload)).join(' '),
  );
  if (!headers.has('user-agent')) headers.set('user-agent', options.userAgent);
  return {
    poolKey: target.applicationId,
    method: target.method.toUpperCase(),
    url: target.url,
    headers: Object.fromEntries(headers),
    body: target.payload,
  };
}
