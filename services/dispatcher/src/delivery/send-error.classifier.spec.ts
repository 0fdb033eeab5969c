import { AxiosError } from 'axios';
import { UnsignableHeaderError } from '@hook0/core';
import { classifySendError, invalidTargetText, REFUSAL_TEXT } from './send-error.classifier';
import { errors } from 'undici';
import { ForbiddenAddressError } from './address-policy';

function withCode(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifySendError', () => {
  it('says E_TIMEOUT whenever the total timeout aborted the request', () => {
    expect(classifySendError(new Error('canceled'), true)).toBe('E_TIMEOUT');
  });

  it.each([
    [new errors.ConnectTimeoutError(), 'E_TIMEOUT'],
    [new errors.HeadersTimeoutError(), 'E_TIMEOUT'],
    [new errors.BodyTimeoutError(), 'E_TIMEOUT'],
    [new errors.SocketError('other side closed'), 'E_CONNECTION'],
    [new errors.ClientDestroyedError(), 'E_CONNECTION'],
    [new errors.ClientClosedError(), 'E_CONNECTION'],
    [new errors.InvalidArgumentError('invalid header'), 'E_INVALID_TARGET'],
    [new errors.NotSupportedError('nope'), 'E_INVALID_TARGET'],
    [new errors.RequestAbortedError(), 'E_UNKNOWN'],
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
    [new ForbiddenAddressError('nonPublic'), 'E_INVALID_TARGET'],
    [new ForbiddenAddressError('unspecified'), 'E_INVALID_TARGET'],
    [new UnsignableHeaderError('x-name'), 'E_INVALID_HEADER'],
    [new Error('something else'), 'E_UNKNOWN'],
    ['not even an error', 'E_UNKNOWN'],
  ] as const)('maps %p to %s', (error, expected) => {
    expect(classifySendError(error, false)).toBe(expected);
  });

  it('looks through the errors an HTTP client wraps around the socket error', () => {
    const wrapped = AxiosError.from(withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'));
    const refused = AxiosError.from(new ForbiddenAddressError('nonPublic'));
    const reset = AxiosError.from(new errors.SocketError('other side closed'));

    expect(classifySendError(wrapped, false)).toBe('E_CONNECTION');
    expect(classifySendError(refused, false)).toBe('E_INVALID_TARGET');
    expect(classifySendError(reset, false)).toBe('E_CONNECTION');
    expect(classifySendError(new Error('outer', { cause: new errors.ConnectTimeoutError() }), false)).toBe('E_TIMEOUT');
  });
});

describe('invalidTargetText', () => {
  it.each([
    [AxiosError.from(new ForbiddenAddressError('nonPublic')), REFUSAL_TEXT.nonPublic],
    [AxiosError.from(new ForbiddenAddressError('unspecified')), REFUSAL_TEXT.unspecified],
    [AxiosError.from(withCode('ENOTFOUND', 'getaddrinfo ENOTFOUND secret-name.internal.test')), REFUSAL_TEXT.noAddress],
    [withCode('ERR_INVALID_CHAR', 'Invalid character in header content ["x-a"]'), REFUSAL_TEXT.unsendable],
    [new Error('anything else'), REFUSAL_TEXT.other],
  ] as const)('names the rule for %p, and nothing the resolver said', (error, text) => {
    expect(invalidTargetText(error)).toBe(text);
    for (const learned of [
      '10.1.2.3',
      '127.0.0.1',
      '0.0.0.0',
      '203.0.113.9',
      'internal',
      'localhost',
      'zero.test',
      'deny.test',
      'secret-name',
    ]) {
      expect(invalidTargetText(error)).not.toContain(learned);
    }
  });

  it('agrees with classifySendError on every refusal it names', () => {
    const refused = AxiosError.from(new ForbiddenAddressError('nonPublic'));
    expect(classifySendError(refused, false)).toBe('E_INVALID_TARGET');
    expect(classifySendError(AxiosError.from(withCode('ENOTFOUND')), false)).toBe('E_INVALID_TARGET');
  });
});
