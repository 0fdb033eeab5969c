import { DEFAULT_SIGNATURE_HEADER_NAME, FORBIDDEN_HEADER_PATTERNS, forbiddenHeaderReason } from './subscription-headers';

describe('forbiddenHeaderReason', () => {
  it.each([
    ['host', 'the server sets it from the target URL'],
    ['content-length', 'the server frames the body itself'],
    ['transfer-encoding', 'the server frames the body itself'],
    ['te', 'it governs the connection, which the server owns'],
    ['trailer', 'it governs the connection, which the server owns'],
    ['connection', 'it governs the connection, which the server owns'],
    ['keep-alive', 'it governs the connection, which the server owns'],
    ['upgrade', 'it governs the connection, which the server owns'],
    ['expect', 'it governs the connection, which the server owns'],
    ['proxy-authorization', 'it governs the connection, which the server owns'],
    ['proxy-connection', 'it governs the connection, which the server owns'],
    ['content-type', 'the server sets it from the event'],
    ['content-encoding', 'the server sets it from the event'],
    ['x-event-id', 'the server sets it from the event'],
    ['x-event-type', 'the server sets it from the event'],
    ['x-hook0-signature', "it carries the server's signature"],
    ['x-hook0-signature-previous', "it carries the server's signature"],
    ['webhook-id', "it carries the server's signature"],
    ['webhook-timestamp', "it carries the server's signature"],
    ['webhook-signature', "it carries the server's signature"],
    ['webhook-anything', "it carries the server's signature"],
  ])('forbids %s', (name, reason) => {
    expect(forbiddenHeaderReason(name)).toBe(reason);
  });

  it.each([
    'Host',
    'CONTENT-LENGTH',
    'Transfer-Encoding',
    'Proxy-Authorization',
    'Webhook-Id',
    'X-Hook0-Signature',
    'X-HOOK0-SIGNATURE-PREVIOUS',
  ])('ignores case: %s', (name) => {
    expect(forbiddenHeaderReason(name)).not.toBeNull();
  });

  it.each([
    'authorization',
    'user-agent',
    'accept',
    'x-api-key',
    'cookie',
    'x-hook0-signature-hint',
    'hostname',
    'content-lengths',
    'proxy',
    'webhook',
  ])('lets a subscription set %s', (name) => {
    expect(forbiddenHeaderReason(name)).toBeNull();
  });

  it("forbids the configured signature header as well as Hook0's default one", () => {
    expect(forbiddenHeaderReason('X-Sig', 'X-Sig')).toBe("it carries the server's signature");
    expect(forbiddenHeaderReason('x-sig', 'X-Sig')).toBe("it carries the server's signature");
    expect(forbiddenHeaderReason(DEFAULT_SIGNATURE_HEADER_NAME, 'X-Sig')).toBe("it carries the server's signature");
    expect(forbiddenHeaderReason('X-Sig-Previous', 'X-Sig')).toBe("it carries the server's signature");
    expect(forbiddenHeaderReason('x-sig')).toBeNull();
    expect(forbiddenHeaderReason('x-sig-previous')).toBeNull();
  });

  it('lists every forbidden name and prefix for the documentation', () => {
    expect([...FORBIDDEN_HEADER_PATTERNS].sort()).toEqual(
      [
        'host',
        'content-length',
        'transfer-encoding',
        'te',
        'trailer',
        'connection',
        'keep-alive',
        'upgrade',
        'expect',
        'proxy-*',
        'content-type',
        'content-encoding',
        'x-event-id',
        'x-event-type',
        'x-hook0-signature',
        'x-hook0-signature-previous',
        'webhook-*',
      ].sort(),
    );
    for (const pattern of FORBIDDEN_HEADER_PATTERNS) expect(forbiddenHeaderReason(pattern.replace('*', 'x'))).not.toBeNull();
  });
});
