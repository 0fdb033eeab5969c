import { createHmac } from 'node:crypto';
import { verifyWebhookSignatureWithCurrentTime } from 'hook0-client';
import { Webhook } from 'standardwebhooks';
import { verifyHook0Request } from './hook0-signature';
import { verifyStandardWebhook } from './standard-webhooks';
import type { WebhookVerificationError } from './webhook-verification';

const SECRET = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const OLD_SECRET = '9b2f6a2e-7d55-4c1e-8a0b-6e2f4d1c0a77';
const WHSEC = `whsec_${Buffer.from(SECRET).toString('base64')}`;
const NOW = 1_800_000_000;
const BODY = Buffer.from('{"order_id":42}');
const now = () => NOW * 1000;

/** Hook0's v1 signature, made here independently of the SDK (docs/hook0-compatibility.md "Delivery and signatures"). */
function hook0Sign(secret: string, t: number, headers: Record<string, string>): string {
  const names = Object.keys(headers).sort();
  const message = `${t}.${names.join(' ')}.${names.map((name) => headers[name]).join('.')}.${BODY.toString()}`;
  return `t=${t},h=${names.join(' ')},v1=${createHmac('sha256', secret).update(message).digest('hex')}`;
}

const signed = { 'content-type': 'application/json', 'x-event-id': 'evt-1', 'x-event-type': 'billing.invoice.paid' };
const reasonOf = (verify: () => unknown) => {
  try {
    verify();
    return 'accepted';
  } catch (error) {
    return (error as WebhookVerificationError).reason;
  }
};

describe('verifyHook0Request', () => {
  const verify = (headers: Record<string, string>, secrets: string | string[] = SECRET, toleranceSeconds?: number) =>
    reasonOf(() => verifyHook0Request({ body: BODY, headers, secrets, now, toleranceSeconds }));

  it('accepts what hook0-client accepts, and a whsec_ form of the same secret', () => {
    const headers = { ...signed, 'x-hook0-signature': hook0Sign(SECRET, NOW, signed) };
    expect(
      verifyWebhookSignatureWithCurrentTime(headers['x-hook0-signature'], BODY, new Headers(headers), SECRET, 300, new Date(now())),
    ).toBe(true);
    expect(verify(headers)).toBe('accepted');
    expect(verify(headers, WHSEC)).toBe('accepted');
    expect(verify(headers, OLD_SECRET)).toBe('code_mismatch');
  });

  it('accepts either secret of a rotation, and the Previous header signed with the previous secret', () => {
    const current = hook0Sign(SECRET, NOW, signed);
    const previous = hook0Sign(OLD_SECRET, NOW, signed);
    const both = { ...signed, 'x-hook0-signature': current, 'x-hook0-signature-previous': previous };
    expect(verify(both, [SECRET, OLD_SECRET])).toBe('accepted');
    expect(verify(both, OLD_SECRET)).toBe('accepted');
    expect(verify(both, SECRET)).toBe('accepted');
    expect(verify(both, 'a-third-secret')).toBe('code_mismatch');
    expect(verify({ ...signed, 'x-hook0-signature': previous }, [SECRET, OLD_SECRET])).toBe('accepted');
  });

  it('reads a configured signature header name and its Previous twin', () => {
    const headers = { ...signed, 'x-sig': 't=1,v1=00', 'x-sig-previous': hook0Sign(OLD_SECRET, NOW, signed) };
    expect(reasonOf(() => verifyHook0Request({ body: BODY, headers, secrets: OLD_SECRET, now, signatureHeaderName: 'X-Sig' }))).toBe(
      'accepted',
    );
  });

  it('refuses a stale or future timestamp past the tolerance, 5 minutes by default', () => {
    expect(verify({ ...signed, 'x-hook0-signature': hook0Sign(SECRET, NOW - 301, signed) })).toBe('outside_tolerance');
    expect(verify({ ...signed, 'x-hook0-signature': hook0Sign(SECRET, NOW + 301, signed) })).toBe('outside_tolerance');
    expect(verify({ ...signed, 'x-hook0-signature': hook0Sign(SECRET, NOW - 300, signed) })).toBe('accepted');
    expect(verify({ ...signed, 'x-hook0-signature': hook0Sign(SECRET, NOW - 60, signed) }, SECRET, 30)).toBe('outside_tolerance');
  });

  it('refuses a missing or malformed header, a changed body and a changed signed header', () => {
    expect(verify(signed)).toBe('signature_missing');
    expect(verify({ ...signed, 'x-hook0-signature': 'v1=abc' })).toBe('signature_malformed');
    const signature = hook0Sign(SECRET, NOW, signed);
    expect(verify({ ...signed, 'x-event-type': 'billing.invoice.void', 'x-hook0-signature': signature })).toBe('code_mismatch');
    expect(
      reasonOf(() =>
        verifyHook0Request({ body: Buffer.from('{}'), headers: { ...signed, 'x-hook0-signature': signature }, secrets: SECRET, now }),
      ),
    ).toBe('code_mismatch');
  });
});

describe('verifyStandardWebhook', () => {
  const sign = (secret: string, at: number) => new Webhook(secret).sign('evt-1', new Date(at * 1000), BODY.toString());
  const headers = (signature: string, at = NOW) => ({
    'webhook-id': 'evt-1',
    'webhook-timestamp': String(at),
    'webhook-signature': signature,
  });
  const verify = (h: Record<string, string>, secrets: string | string[] = WHSEC) =>
    reasonOf(() => verifyStandardWebhook({ body: BODY, headers: h, secrets, now }));
  const oldWhsec = `whsec_${Buffer.from(OLD_SECRET).toString('base64')}`;

  it('accepts what the standardwebhooks library signs, with the secret in whsec_ form or as Hook0 gives it', () => {
    expect(verify(headers(sign(WHSEC, NOW)))).toBe('accepted');
    expect(verify(headers(sign(WHSEC, NOW)), SECRET)).toBe('accepted');
    expect(verify(headers(sign(oldWhsec, NOW)))).toBe('code_mismatch');
  });

  it('accepts any of several space-separated signatures with any of several secrets', () => {
    const two = `${sign(oldWhsec, NOW)} ${sign(WHSEC, NOW)}`;
    expect(verify(headers(two), WHSEC)).toBe('accepted');
    expect(verify(headers(two), oldWhsec)).toBe('accepted');
    expect(verify(headers(sign(oldWhsec, NOW)), [WHSEC, oldWhsec])).toBe('accepted');
    expect(verify(headers(`v1a,abc ${sign(WHSEC, NOW)}`))).toBe('accepted');
  });

  it('refuses stale timestamps, missing headers and signatures of another version', () => {
    expect(verify(headers(sign(WHSEC, NOW - 301), NOW - 301))).toBe('outside_tolerance');
    expect(verify({ 'webhook-id': 'evt-1', 'webhook-timestamp': String(NOW) })).toBe('signature_missing');
    expect(verify(headers('v2,abc'))).toBe('signature_malformed');
    expect(verify({ ...headers(sign(WHSEC, NOW)), 'webhook-id': 'evt-2' })).toBe('code_mismatch');
  });
});
