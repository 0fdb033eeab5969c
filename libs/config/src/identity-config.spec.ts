import { loadApiConfig } from './api-config';
import { ConfigError, type Env } from './env-reader';

function problemsOf(env: Env): readonly string[] {
  try {
    loadApiConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('identity configuration (users, passwords, session tokens)', () => {
  it('defaults to open registration, 12-character passwords, 5-minute access and 30-minute refresh tokens', () => {
    expect(loadApiConfig({}).identity).toMatchObject({
      registrationDisabled: false,
      passwordMinimumLength: 12,
      passwordMaximumLength: 256,
      accessTokenTtlMs: 5 * 60_000,
      refreshTokenTtlMs: 30 * 60_000,
    });
  });

  it('throttles logins by default after 10 failures per email and address, 100 per address, in 15 minutes, and hashes 2 passwords at once with 32 waiting', () => {
    const identity = loadApiConfig({}).identity;
    expect(identity.loginThrottle).toEqual({ maxFailuresPerEmailAndIp: 10, maxFailuresPerIp: 100, windowMs: 15 * 60_000 });
    expect(identity).toMatchObject({ passwordHashingConcurrency: 2, passwordHashingQueueSize: 32 });
  });

  it('reads the login throttle and the password hashing bounds', () => {
    const identity = loadApiConfig({
      LOGIN_MAX_FAILURES_PER_EMAIL_AND_IP: '3',
      LOGIN_MAX_FAILURES_PER_IP: '7',
      LOGIN_FAILURE_WINDOW: '1h',
      PASSWORD_HASHING_CONCURRENCY: '4',
      PASSWORD_HASHING_QUEUE_SIZE: '0',
    }).identity;
    expect(identity.loginThrottle).toEqual({ maxFailuresPerEmailAndIp: 3, maxFailuresPerIp: 7, windowMs: 3_600_000 });
    expect(identity).toMatchObject({ passwordHashingConcurrency: 4, passwordHashingQueueSize: 0 });
  });

  it('reads REGISTRATION_DISABLED, PASSWORD_MINIMUM_LENGTH, ACCESS_TOKEN_TTL and REFRESH_TOKEN_TTL', () => {
    const config = loadApiConfig({
      REGISTRATION_DISABLED: 'true',
      PASSWORD_MINIMUM_LENGTH: '20',
      ACCESS_TOKEN_TTL: '1m',
      REFRESH_TOKEN_TTL: '1d',
    });
    expect(config.identity).toMatchObject({
      registrationDisabled: true,
      passwordMinimumLength: 20,
      accessTokenTtlMs: 60_000,
      refreshTokenTtlMs: 86_400_000,
    });
  });

  it.each([
    [{ PASSWORD_MINIMUM_LENGTH: '4' }, 'PASSWORD_MINIMUM_LENGTH'],
    [{ PASSWORD_MINIMUM_LENGTH: '1000' }, 'PASSWORD_MINIMUM_LENGTH'],
    [{ REGISTRATION_DISABLED: 'maybe' }, 'REGISTRATION_DISABLED'],
    [{ ACCESS_TOKEN_TTL: 'soon' }, 'ACCESS_TOKEN_TTL'],
    [{ ACCESS_TOKEN_TTL: '10ms' }, 'ACCESS_TOKEN_TTL'],
    [{ ACCESS_TOKEN_TTL: '1h', REFRESH_TOKEN_TTL: '10m' }, 'REFRESH_TOKEN_TTL'],
    [{ LOGIN_MAX_FAILURES_PER_EMAIL_AND_IP: '0' }, 'LOGIN_MAX_FAILURES_PER_EMAIL_AND_IP'],
    [{ LOGIN_MAX_FAILURES_PER_IP: 'many' }, 'LOGIN_MAX_FAILURES_PER_IP'],
    [{ LOGIN_MAX_FAILURES_PER_EMAIL_AND_IP: '50', LOGIN_MAX_FAILURES_PER_IP: '20' }, 'LOGIN_MAX_FAILURES_PER_IP'],
    [{ LOGIN_FAILURE_WINDOW: '500ms' }, 'LOGIN_FAILURE_WINDOW'],
    [{ PASSWORD_HASHING_CONCURRENCY: '0' }, 'PASSWORD_HASHING_CONCURRENCY'],
    [{ PASSWORD_HASHING_QUEUE_SIZE: '-1' }, 'PASSWORD_HASHING_QUEUE_SIZE'],
  ])('refuses %j, naming %s', (env, name) => {
    expect(problemsOf(env).some((problem) => problem.startsWith(name))).toBe(true);
  });
});
