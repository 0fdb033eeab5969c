import { AxiosError } from 'axios';
import { UnsignableHeaderError } from '@hook0/core';
import { classifySendError } from './send-error.classifier';
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
