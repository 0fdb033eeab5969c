import { AxiosError } from 'axios';
import { UnsignableHeaderError } from '@hook0/core';
import { classifySendError, invalidTargetText, REFUSAL_TEXT } from './send-error.classifier';
import { ConnectTimeoutError } from './target-agents';

function withCode(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifySendError', () => {
  it('says E_TIMEOUT whenever the total timeout aborted the request', () => {
    expect(classifySendError(new Error('canceled'), true)).toBe('E_TIMEOUT');
  });

  it.each([
    [new ConnectTimeoutError(5000), 'E_TIMEOUT'],
    [withCode('ETIMEDOUT'), 'E_TIMEOUT'],
    [withCode('ECONNREFUSED'), 'E_CONNECTION'],
    [withCode('ECONNRESET', 'socket hang up'), 'E_CONNECTION'],
    [withCode('EHOSTUNREACH'), 'E_CONNECTION'],
    [withCode('ERR_TLS_CERT_ALTNAME_INVALID'), 'E_CONNECTION'],
    [withCode('DEPTH_ZERO_SELF_SIGNED_CERT'), 'E_CONNECTION'],
    [withCode('EAI_AGAIN'), 'E_DNS'],
    [withCode('ESERVFAIL'), 'E_DNS'],
    [withCode('ENOTFOUND'), 'E_INVALID_TARGET'],
    [withCode('ERR_INVALID_URL'), 'E_INVALID_TARGET'],
    [withCode('ERR_INVALID_CHAR'), 'E_INVALID_TARGET'],
    [new Error('DNS lookup 127.0.0.1(family:undefined, host:undefined) is not allowed. Because, It is private IP address.'), 'E_INVALID_TARGET'],
    [new UnsignableHeaderError('x-name'), 'E_INVALID_HEADER'],
    [new Error('something else'), 'E_UNKNOWN'],
    ['not even an error', 'E_UNKNOWN'],
  ] as const)('maps %p to %s', (error, expected) => {
    expect(classifySendError(error, false)).toBe(expected);
  });

  it('looks through the errors an HTTP client wraps around the socket error', () => {
    const wrapped = AxiosError.from(withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'));
    const refused = AxiosError.from(new Error('DNS lookup 10.0.0.1(family:4, host:internal.test) is not allowed. Because, It is private IP address.'));

    expect(classifySendError(wrapped, false)).toBe('E_CONNECTION');
    expect(classifySendError(refused, false)).toBe('E_INVALID_TARGET');
    expect(classifySendError(new Error('outer', { cause: new ConnectTimeoutError(100) }), false)).toBe('E_TIMEOUT');
  });
});

describe('invalidTargetText', () => {
  const refusal = (address: string, host: string, because: string) =>
    AxiosError.from(new Error(`DNS lookup ${address}(family:4, host:${host}) is not allowed. Because, ${because}`));

  it.each([
    [refusal('10.1.2.3', 'internal.corp.test', 'It is private IP address.'), REFUSAL_TEXT.nonPublic],
    [refusal('127.0.0.1', 'localhost', 'It is private IP address.'), REFUSAL_TEXT.nonPublic],
    [refusal('0.0.0.0', 'zero.test', 'It is meta IP address.'), REFUSAL_TEXT.unspecified],
    [AxiosError.from(new Error('DNS lookup 203.0.113.9(family:4, host:deny.test) is not allowed. Because It is defined in denyIPAddressList.')), REFUSAL_TEXT.denied],
    [AxiosError.from(withCode('ENOTFOUND', 'getaddrinfo ENOTFOUND secret-name.internal.test')), REFUSAL_TEXT.noAddress],
    [withCode('ERR_INVALID_CHAR', 'Invalid character in header content ["x-a"]'), REFUSAL_TEXT.unsendable],
    [new Error('anything else'), REFUSAL_TEXT.other],
  ] as const)('names the rule for %p, and nothing the resolver said', (error, text) => {
    expect(invalidTargetText(error)).toBe(text);
    for (const learned of ['10.1.2.3', '127.0.0.1', '0.0.0.0', '203.0.113.9', 'internal', 'localhost', 'zero.test', 'deny.test', 'secret-name']) {
      expect(invalidTargetText(error)).not.toContain(learned);
    }
  });

  it('agrees with classifySendError on every refusal it names', () => {
    const refused = refusal('192.168.0.1', 'router.test', 'It is private IP address.');
    expect(classifySendError(refused, false)).toBe('E_INVALID_TARGET');
    expect(classifySendError(AxiosError.from(withCode('ENOTFOUND')), false)).toBe('E_INVALID_TARGET');
  });
});
