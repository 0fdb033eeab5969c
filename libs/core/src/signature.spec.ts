import { verifyWebhookSignatureWithCurrentTime } from 'hook0-client';
import { Webhook } from 'standardwebhooks';
import { hook0Signature, standardWebhooksSecret, standardWebhooksSignature, UnsignableHeaderError, type SignatureInput } from './signature';

// docs/hook0-compatibility.md "Delivery and signatures": the vectors of Hook0's work.rs tests, then this project's own.
const HOOK0_VECTOR = { secret: 'secret', timestampSeconds: 1636936200, body: Buffer.from('hello !') };
const HOOK0_HEADERS = { 'X-Event-Id': '1a01cb48-5142-4d9b-8f90-d20cca61f0ee', 'X-Event-Type': 'service.resource.verb' };
const HOOK0_V0 = '1b3d69df55f1e52f05224ba94a5162abeb17ef52cd7f4948c390f810d6a87e98';
const HOOK0_V1 = 'bc521546ba5de381b12f135782d2008b028c3065c191760b12b76850a8fc8f51';

const OUR_SECRET = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const OUR_VECTOR = {
  secret: OUR_SECRET,
  timestampSeconds: 1700000000,
  body: Buffer.from('{"order_id":42}'),
  headers: {
    'content-type': 'application/json',
    'x-event-id': '0190a8f2-1111-7000-8000-000000000001',
    'x-event-type': 'billing.invoice.paid',
  },
};
const OUR_V1 = '4f369af5bf3a1b6dcf8e48ddd0c95700af1faff5c4f11b3c9b445ad4d440a431';
const OUR_V0 = 'aacdb5cb6c6fcb668497b68d66bed8091f47b98f1b4e439c967761c2fe80e480';

function sign(overrides: Partial<SignatureInput>): string {
  return hook0Signature({ ...OUR_VECTOR, versions: ['v1'], ...overrides });
}

/** hook0-client@1.1.0's verifier, as a subscriber would call it; it throws on a mismatch. */
function hook0ClientVerifies(signature: string, body: Buffer, headers: Record<string, string>, secret: string, at: number): boolean {
  return verifyWebhookSignatureWithCurrentTime(signature, body, new Headers(headers), secret, 300, new Date(at * 1000)) === true;
}

describe('hook0Signature: Hook0 test vectors (docs/hook0-compatibility.md "Delivery and signatures")', () => {
  it('signs v0 only, with no headers', () => {
    expect(hook0Signature({ ...HOOK0_VECTOR, headers: {}, versions: ['v0'] })).toBe(`t=1636936200,v0=${HOOK0_V0}`);
  });

  it('signs v1 over X-Event-Id and X-Event-Type', () => {
    expect(hook0Signature({ ...HOOK0_VECTOR, headers: HOOK0_HEADERS, versions: ['v1'] })).toBe(
      `t=1636936200,h=x-event-id x-event-type,v1=${HOOK0_V1}`,
    );
  });

  it('puts t, then v0, then h and v1 when both versions are enabled', () => {
    expect(hook0Signature({ ...HOOK0_VECTOR, headers: HOOK0_HEADERS, versions: ['v0', 'v1'] })).toBe(
      `t=1636936200,v0=${HOOK0_V0},h=x-event-id x-event-type,v1=${HOOK0_V1}`,
    );
  });

  it('keeps that order whatever order the versions are configured in', () => {
    expect(hook0Signature({ ...HOOK0_VECTOR, headers: HOOK0_HEADERS, versions: ['v1', 'v0'] })).toBe(
      `t=1636936200,v0=${HOOK0_V0},h=x-event-id x-event-type,v1=${HOOK0_V1}`,
    );
  });

  it('gives the documented v1 and v0 for the 3f2504e0… delivery', () => {
    expect(sign({ versions: ['v1'] })).toBe(`t=1700000000,h=content-type x-event-id x-event-type,v1=${OUR_V1}`);
    expect(sign({ versions: ['v0'] })).toBe(`t=1700000000,v0=${OUR_V0}`);
    expect(sign({ versions: ['v0', 'v1'] })).toBe(`t=1700000000,v0=${OUR_V0},h=content-type x-event-id x-event-type,v1=${OUR_V1}`);
  });

  it('emits only t when no version is enabled', () => {
    expect(sign({ versions: [] })).toBe('t=1700000000');
  });

  it('signs the timestamp it is given, so each retry gets its own signature', () => {
    const later = sign({ timestampSeconds: 1700000060 });
    expect(later.startsWith('t=1700000060,')).toBe(true);
    expect(later).not.toContain(OUR_V1);
  });
});

describe('hook0Signature: signed header set', () => {
  it('lowercases header names and sorts them, whatever their case and insertion order', () => {
    const headers = {
      'X-Event-Type': 'billing.invoice.paid',
      'Content-Type': 'application/json',
      'X-EVENT-ID': '0190a8f2-1111-7000-8000-000000000001',
    };
    expect(sign({ headers })).toBe(`t=1700000000,h=content-type x-event-id x-event-type,v1=${OUR_V1}`);
  });

  it('sorts by byte order after lowercasing, not by locale or original case', () => {
    // Original case would put "B-Header" before "a-header"; a locale collation would put "x_a" before "x-b".
    const signature = sign({ headers: { xa: '5', x_a: '4', 'x-b': '3', 'B-Header': '2', 'a-header': '1' } });
    expect(signature).toMatch(/^t=1700000000,h=a-header b-header x-b x_a xa,v1=[0-9a-f]{64}$/);
  });

  it('signs the values in the order of the sorted names (hook0-client verifies, and rejects a swap)', () => {
    const headers = { 'X-Custom': 'custom', 'X-Event-Type': 'billing.invoice.paid', 'Content-Type': 'application/json', 'X-Api-Key': 'k' };
    const signature = sign({ headers });
    expect(hook0ClientVerifies(signature, OUR_VECTOR.body, headers, OUR_SECRET, 1700000000)).toBe(true);
    const swapped = { ...headers, 'X-Custom': 'k', 'X-Api-Key': 'custom' };
    expect(() => hook0ClientVerifies(signature, OUR_VECTOR.body, swapped, OUR_SECRET, 1700000000)).toThrow();
  });

  it('changes v1 when a custom header is added', () => {
    const signature = sign({ headers: { ...OUR_VECTOR.headers, 'x-api-key': 'k' } });
    expect(signature).toContain('h=content-type x-api-key x-event-id x-event-type,');
    expect(signature).not.toContain(OUR_V1);
  });
});

describe('hook0Signature: unsignable header values', () => {
  it('throws UnsignableHeaderError naming the header for a non-ASCII event type', () => {
    const headers = {
      'content-type': 'application/json',
      'x-event-id': OUR_VECTOR.headers['x-event-id'],
      'X-Event-Type': 'pj.cartão.autorização',
    };
    let thrown: unknown;
    try {
      sign({ headers });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnsignableHeaderError);
    expect(thrown).toMatchObject({ name: 'UnsignableHeaderError', headerName: 'x-event-type' });
    expect((thrown as Error).message).toContain('x-event-type');
  });

  it.each([
    ['a non-ASCII custom header', 'naïve'],
    ['a line feed', 'a\nb'],
    ['a carriage return', 'a\rb'],
    ['a NUL', 'a\u0000b'],
    ['DEL', 'a\u007fb'],
    ['an emoji', 'ok 👍'],
  ])('throws on %s', (_label, value) => {
    expect(() => sign({ headers: { ...OUR_VECTOR.headers, 'x-custom': value } })).toThrow(UnsignableHeaderError);
  });

  it('accepts every visible ASCII character and the space', () => {
    let visible = ' ';
    for (let code = 0x21; code <= 0x7e; code += 1) visible += String.fromCharCode(code);
    expect(() => sign({ headers: { ...OUR_VECTOR.headers, 'x-custom': visible } })).not.toThrow();
  });
});

describe('hook0Signature verified by hook0-client@1.1.0', () => {
  it.each([['v1'], ['v0'], ['v0,v1']])('verifies the %s form', (versions) => {
    const signature = sign({ versions: versions.split(',') as SignatureInput['versions'] });
    expect(hook0ClientVerifies(signature, OUR_VECTOR.body, OUR_VECTOR.headers, OUR_SECRET, 1700000000)).toBe(true);
  });

  it('verifies a binary body byte for byte', () => {
    const body = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a, 0xc3]);
    const signature = sign({ body, versions: ['v0', 'v1'] });
    expect(hook0ClientVerifies(signature, body, OUR_VECTOR.headers, OUR_SECRET, 1700000000)).toBe(true);
  });

  it('is rejected with a tampered body, a wrong secret or a changed header', () => {
    const signature = sign({});
    expect(() => hook0ClientVerifies(signature, Buffer.from('{"order_id":43}'), OUR_VECTOR.headers, OUR_SECRET, 1700000000)).toThrow();
    expect(() =>
      hook0ClientVerifies(signature, OUR_VECTOR.body, OUR_VECTOR.headers, '3f2504e0-4f89-41d3-9a0c-0305e82c3302', 1700000000),
    ).toThrow();
    expect(() =>
      hook0ClientVerifies(
        signature,
        OUR_VECTOR.body,
        { ...OUR_VECTOR.headers, 'x-event-type': 'billing.invoice.sent' },
        OUR_SECRET,
        1700000000,
      ),
    ).toThrow();
  });
});

describe('Standard Webhooks (docs/hook0-compatibility.md "Delivery and signatures")', () => {
  const messageId = '0190a8f2-1111-7000-8000-000000000001';
  const body = Buffer.from('{"order_id":42,"note":"café"}');

  it('renders the secret as whsec_ + base64 of its UTF-8 bytes', () => {
    const whsec = standardWebhooksSecret(OUR_SECRET);
    expect(whsec.startsWith('whsec_')).toBe(true);
    expect(Buffer.from(whsec.slice('whsec_'.length), 'base64').toString('utf8')).toBe(OUR_SECRET);
  });

  it('produces a v1,<base64> signature that the standardwebhooks library verifies', () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = standardWebhooksSignature(OUR_SECRET, messageId, timestamp, body);
    expect(signature).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    const headers = { 'webhook-id': messageId, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
    expect(new Webhook(standardWebhooksSecret(OUR_SECRET)).verify(body, headers)).toEqual({ order_id: 42, note: 'café' });
  });

  it('is accepted among several space-separated signatures', () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const other = standardWebhooksSignature('another-secret', messageId, timestamp, body);
    const signature = `${other} ${standardWebhooksSignature(OUR_SECRET, messageId, timestamp, body)}`;
    const headers = { 'webhook-id': messageId, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
    expect(() => new Webhook(standardWebhooksSecret(OUR_SECRET)).verify(body, headers)).not.toThrow();
  });

  it("equals the library's own signature for the same message", () => {
    const signature = standardWebhooksSignature(OUR_SECRET, messageId, 1700000000, body);
    expect(signature).toBe(new Webhook(standardWebhooksSecret(OUR_SECRET)).sign(messageId, new Date(1700000000 * 1000), body));
  });

  it('fails verification with another id, timestamp or body', () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = standardWebhooksSignature(OUR_SECRET, messageId, timestamp, body);
    const webhook = new Webhook(standardWebhooksSecret(OUR_SECRET));
    const headers = { 'webhook-id': messageId, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
    expect(() => webhook.verify(body, { ...headers, 'webhook-id': 'another-id' })).toThrow();
    expect(() => webhook.verify(body, { ...headers, 'webhook-timestamp': String(timestamp - 1) })).toThrow();
    expect(() => webhook.verify(Buffer.from('{"order_id":43}'), headers)).toThrow();
  });
});
