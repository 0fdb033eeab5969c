import { decodePayload, hasControlCharacters, isPayloadContentType, PAYLOAD_CONTENT_TYPES } from './payload';

const BASE64 = 'application/octet-stream+base64';

describe('payload content types', () => {
  it('are exactly the three Hook0 serves at GET /payload_content_types, in its order', () => {
    expect(PAYLOAD_CONTENT_TYPES).toEqual(['text/plain', 'application/json', 'application/octet-stream+base64']);
  });

  it.each(['text/plain', 'application/json', 'application/octet-stream+base64'])('accepts %p', (value) => {
    expect(isPayloadContentType(value)).toBe(true);
  });

  it.each(['application/JSON', 'application/json; charset=utf-8', 'text/html', 'application/octet-stream', ''])('rejects %p', (value) => {
    expect(isPayloadContentType(value)).toBe(false);
  });
});

describe('decodePayload: application/octet-stream+base64', () => {
  it('returns the decoded bytes', () => {
    expect(decodePayload('AP/+gAo=', BASE64)).toEqual({ ok: true, bytes: Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a]) });
    expect(decodePayload('aGVsbG8gIQ==', BASE64)).toEqual({ ok: true, bytes: Buffer.from('hello !') });
    expect(decodePayload('YWJj', BASE64)).toEqual({ ok: true, bytes: Buffer.from('abc') });
  });

  it('accepts + and / of the standard alphabet', () => {
    expect(decodePayload('+/+/', BASE64)).toEqual({ ok: true, bytes: Buffer.from([0xfb, 0xff, 0xbf]) });
  });

  it('decodes the empty string to no bytes', () => {
    expect(decodePayload('', BASE64)).toEqual({ ok: true, bytes: Buffer.alloc(0) });
  });

  it.each([
    ['missing padding', 'aGVsbG8gIQ'],
    ['a single missing pad', 'YWI'],
    ['too much padding', 'YQ==='],
    ['padding in the middle', 'YQ==YQ=='],
    ['the url-safe alphabet (-)', '-_-_'],
    ['the url-safe alphabet, unpadded', 'AP_-gAo'],
    ['a line break', 'aGVs\nbG8gIQ=='],
    ['a space', 'aGVs bG8gIQ=='],
    ['leading whitespace', ' YWJj'],
    ['trailing newline', 'YWJj\n'],
    ['a character outside the alphabet', 'YW*j'],
    ['a length that is not a multiple of 4', 'YWJjZ'],
    ['plain text', 'hello !'],
  ])('rejects %s', (_label, payload) => {
    expect(decodePayload(payload, BASE64)).toEqual({ ok: false, problem: 'EventInvalidBase64Payload' });
  });
});

describe('decodePayload: application/json', () => {
  it('returns the original string bytes, not a re-serialization', () => {
    const payload = '{ "b": 1,\n  "a": [1.0, 2e3], "s": "caf\\u00e9 é" }';
    const decoded = decodePayload(payload, 'application/json');
    expect(decoded).toEqual({ ok: true, bytes: Buffer.from(payload, 'utf8') });
  });

  it.each(['42', '"text"', 'null', 'true', '[]', ' {"a":1} '])('accepts any JSON value %p', (payload) => {
    expect(decodePayload(payload, 'application/json')).toEqual({ ok: true, bytes: Buffer.from(payload, 'utf8') });
  });

  it.each(['', '{', "{'a':1}", '{"a":1,}', 'undefined', 'NaN', '{"a":1} x', '[1,2'])('rejects invalid JSON %p', (payload) => {
    expect(decodePayload(payload, 'application/json')).toEqual({ ok: false, problem: 'EventInvalidJsonPayload' });
  });
});

describe('decodePayload: text/plain', () => {
  it('returns the UTF-8 bytes of any string, even JSON-looking or base64-looking ones', () => {
    for (const payload of ['hello !', 'café ✓', '', '{', 'YWJj']) {
      expect(decodePayload(payload, 'text/plain')).toEqual({ ok: true, bytes: Buffer.from(payload, 'utf8') });
    }
  });
});

describe('hasControlCharacters', () => {
  it.each(['\u0000', '\t', '\n', '\r', '\u001f', '\u007f', '\u0080', '\u009f'])('finds %j', (character) => {
    expect(hasControlCharacters(`name${character}`)).toBe(true);
  });

  it.each(['Billing', 'billing.invoice.paid', 'café ✓', ' spaced ', '\u00a0', ''])('accepts %j', (value) => {
    expect(hasControlCharacters(value)).toBe(false);
  });
});
