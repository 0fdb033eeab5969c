import { standardWebhooksSecret } from '@hook0/core';
import { verifyWebhookSignature } from 'hook0-client';
import { Webhook } from 'standardwebhooks';
import { buildOutgoingRequest, type DeliveryTarget, type SigningOptions } from './outgoing-request';

const NEW_SECRET = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const OLD_SECRET = '9b2f6a2e-7d55-4c1e-8a0b-6e2f4d1c0a77';
const OTHER_SECRET = '00000000-0000-4000-8000-000000000000';
const target: DeliveryTarget = {
  applicationId: '0190a8f2-2222-7000-8000-000000000002',
  eventId: '0190a8f2-1111-7000-8000-000000000001',
  eventTypeName: 'billing.invoice.paid',
  payload: Buffer.from('{"order_id":42}'),
  payloadContentType: 'application/json',
  method: 'post',
  url: 'https://hooks.acme.test/in',
  customHeaders: { 'X-Tenant': 'acme' },
  secret: NEW_SECRET,
};
const options: SigningOptions = { signatureHeaderName: 'X-Hook0-Signature', signatureVersions: ['v1'], userAgent: 'test' };

const now = () => Math.floor(Date.now() / 1000);
const headersOf = (request: { headers: Record<string, string> }) => new Headers(request.headers);
/** hook0-client throws on a signature that does not verify. */
const hook0Verifies = (request: ReturnType<typeof buildOutgoingRequest>, header: string, secret: string) => {
  try {
    return verifyWebhookSignature(request.headers[header], request.body, headersOf(request), secret, 300) === true;
  } catch {
    return false;
  }
};
const standardVerifies = (request: ReturnType<typeof buildOutgoingRequest>, secret: string) => {
  try {
    new Webhook(standardWebhooksSecret(secret)).verify(request.body, { ...request.headers });
    return true;
  } catch {
    return false;
  }
};

/** Signing during a secret rotation's overlap (docs/security.md "Secret rotation"), checked with both receivers' libraries. */
describe('buildOutgoingRequest during a secret rotation', () => {
  it('signs X-Hook0-Signature with the new secret and X-Hook0-Signature-Previous with the old one, over the same headers', () => {
    const request = buildOutgoingRequest({ ...target, previousSecret: OLD_SECRET }, options, now());

    expect(hook0Verifies(request, 'x-hook0-signature', NEW_SECRET)).toBe(true);
    expect(hook0Verifies(request, 'x-hook0-signature', OLD_SECRET)).toBe(false);
    expect(hook0Verifies(request, 'x-hook0-signature-previous', OLD_SECRET)).toBe(true);
    expect(hook0Verifies(request, 'x-hook0-signature-previous', NEW_SECRET)).toBe(false);
    const [, current] = /,h=([^,]*),/.exec(request.headers['x-hook0-signature'])!;
    const [, previous] = /,h=([^,]*),/.exec(request.headers['x-hook0-signature-previous'])!;
    expect(previous).toBe(current);
    expect(current).toBe('content-type x-event-id x-event-type x-tenant');
  });

  it('puts one v1 signature per secret in webhook-signature, which standardwebhooks verifies with either', () => {
    const request = buildOutgoingRequest({ ...target, previousSecret: OLD_SECRET }, options, now());

    expect(request.headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(request.headers['webhook-signature']).toMatch(/^v1,\S+ v1,\S+$/);
    expect(standardVerifies(request, NEW_SECRET)).toBe(true);
    expect(standardVerifies(request, OLD_SECRET)).toBe(true);
    expect(standardVerifies(request, OTHER_SECRET)).toBe(false);
  });

  it('signs with the current secret alone without a previous one, and no Previous header', () => {
    for (const previousSecret of [undefined, null]) {
      const request = buildOutgoingRequest({ ...target, previousSecret }, options, now());
      expect(request.headers['x-hook0-signature-previous']).toBeUndefined();
      expect(request.headers['webhook-signature']).not.toContain(' ');
      expect(standardVerifies(request, OLD_SECRET)).toBe(false);
      expect(standardVerifies(request, NEW_SECRET)).toBe(true);
    }
  });

  it('names the previous header after a configured signature header, and drops a custom header of that name', () => {
    const request = buildOutgoingRequest(
      { ...target, previousSecret: OLD_SECRET, customHeaders: { 'X-Sig-Previous': 'forged', 'X-Hook0-Signature-Previous': 'forged' } },
      { ...options, signatureHeaderName: 'X-Sig' },
      now(),
    );
    expect(request.headers['x-sig-previous']).toMatch(/^t=\d+,h=content-type x-event-id x-event-type,v1=[0-9a-f]{64}$/);
    expect(request.headers['x-hook0-signature-previous']).toBeUndefined();
  });
});
