import { decodeUtf8, describePayloadView, isJsonContentType, payloadView } from './payload-view';

const bytesToBase64 = (bytes: Iterable<number>) => btoa(String.fromCharCode(...bytes));
const base64 = (text: string) => bytesToBase64(new TextEncoder().encode(text));

describe('payloadView', () => {
  it('pretty-prints a JSON payload', () => {
    const view = payloadView(base64('{"invoice_id":"in_42","amount":1200}'), 'application/json');
    expect(view).toEqual({ kind: 'json', text: '{\n  "invoice_id": "in_42",\n  "amount": 1200\n}' });
    expect(describePayloadView(view)).toBe('JSON, pretty-printed.');
  });

  it('treats a +json content type with parameters as JSON', () => {
    expect(payloadView(base64('[1,2]'), 'application/cloudevents+json; charset=utf-8')).toEqual({ kind: 'json', text: '[\n  1,\n  2\n]' });
  });

  it('shows JSON that does not parse as text, and says so', () => {
    const view = payloadView(base64('{"unterminated": '), 'application/json');
    expect(view).toEqual({ kind: 'invalid-json', text: '{"unterminated": ' });
    expect(describePayloadView(view)).toMatch(/does not parse/);
  });

  it('shows plain text as decoded UTF-8', () => {
    expect(payloadView(base64('héllo\nwörld ✓'), 'text/plain')).toEqual({ kind: 'text', text: 'héllo\nwörld ✓' });
  });

  it('keeps a binary payload as the base64 the API gave', () => {
    const bytes = bytesToBase64([0, 255, 16, 128]);
    const view = payloadView(bytes, 'application/octet-stream+base64');
    expect(view).toEqual({ kind: 'base64', text: bytes, reason: 'binary' });
    expect(describePayloadView(view)).toBe('Binary, shown as base64.');
  });

  it('keeps a base64 payload as base64 even when its bytes happen to be text', () => {
    expect(payloadView(base64('plain'), 'application/octet-stream+base64')).toMatchObject({ kind: 'base64', reason: 'binary' });
  });

  it('falls back to base64 when a text payload is not valid UTF-8', () => {
    const bytes = bytesToBase64([0xc3, 0x28]);
    const view = payloadView(bytes, 'text/plain');
    expect(view).toEqual({ kind: 'base64', text: bytes, reason: 'not-utf8' });
    expect(describePayloadView(view)).toBe('Not valid UTF-8 text: shown as base64.');
  });

  it('says an empty payload is empty, whatever its type', () => {
    for (const type of ['application/json', 'text/plain', 'application/octet-stream+base64']) {
      expect(payloadView('', type)).toEqual({ kind: 'empty' });
    }
    expect(describePayloadView({ kind: 'empty' })).toBe('The payload is empty.');
  });
});

describe('decodeUtf8', () => {
  it('answers null for text that is not base64', () => {
    expect(decodeUtf8('not base64!')).toBeNull();
  });
});

describe('isJsonContentType', () => {
  it.each([
    ['application/json', true],
    ['Application/JSON; charset=utf-8', true],
    ['application/vnd.api+json', true],
    ['text/plain', false],
    ['application/jsonl', false],
  ])('%s → %p', (type, expected) => {
    expect(isJsonContentType(type)).toBe(expected);
  });
});
