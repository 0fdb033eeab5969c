import type { EnvReader } from './env-reader';

/** Longest password accepted: bounds the work a login or a registration can ask of the KDF. */
export const PASSWORD_MAXIMUM_LENGTH = 256;

/** Users, passwords and their tokens (docs/hook0-compatibility.md "Authentication", "Users and registration"). */
export interface IdentityConfig {
  /** REGISTRATION_DISABLED: POST /register answers 410. */
  readonly registrationDisabled: boolean;
  /** PASSWORD_MINIMUM_LENGTH, in characters (code points). */
  readonly passwordMinimumLength: number;
  readonly passwordMaximumLength: number;
  /** ACCESS_TOKEN_TTL: lifetime of a user access token. */
  readonly accessTokenTtlMs: number;
  /** REFRESH_TOKEN_TTL: lifetime of a refresh token (each refresh rotates it). */
  readonly refreshTokenTtlMs: number;
  readonly loginThrottle: LoginThrottleConfig;
  /** PASSWORD_HASHING_CONCURRENCY: password hashes computed at once by one process; the others wait in line. */
  readonly passwordHashingConcurrency: number;
  /** PASSWORD_HASHING_QUEUE_SIZE: hashes that may wait for a slot; past them, 503 ServiceUnavailable. */
  readonly passwordHashingQueueSize: number;
}

/** Failed logins allowed per window before 429 RateLimited (a successful login clears its email and address's count). */
export interface LoginThrottleConfig {
  /** LOGIN_MAX_FAILURES_PER_EMAIL_AND_IP: for one email from one client address. */
  readonly maxFailuresPerEmailAndIp: number;
  /** LOGIN_MAX_FAILURES_PER_IP: from one client address, whatever the emails. */
  readonly maxFailuresPerIp: number;
  /** LOGIN_FAILURE_WINDOW: how long a failure counts. */
  readonly windowMs: number;
}

export function readIdentityConfig(env: EnvReader): IdentityConfig {
  const config: IdentityConfig = {
    registrationDisabled: env.boolean('REGISTRATION_DISABLED', false),
    passwordMinimumLength: env.integer('PASSWORD_MINIMUM_LENGTH', 12, 8, PASSWORD_MAXIMUM_LENGTH),
    passwordMaximumLength: PASSWORD_MAXIMUM_LENGTH,
    accessTokenTtlMs: env.duration('ACCESS_TOKEN_TTL', '5m'),
    refreshTokenTtlMs: env.duration('REFRESH_TOKEN_TTL', '30m'),
    loginThrottle: {
      maxFailuresPerEmailAndIp: env.integer('LOGIN_MAX_FAILURES_PER_EMAIL_AND_IP', 10, 1, 10_000),
      maxFailuresPerIp: env.integer('LOGIN_MAX_FAILURES_PER_IP', 100, 1, 1_000_000),
      windowMs: env.duration('LOGIN_FAILURE_WINDOW', '15m'),
    },
    passwordHashingConcurrency: env.integer('PASSWORD_HASHING_CONCURRENCY', 2, 1, 64),
    passwordHashingQueueSize: env.integer('PASSWORD_HASHING_QUEUE_SIZE', 32, 0, 10_000),
  };
  env.check(config.accessTokenTtlMs >= 1_000, 'ACCESS_TOKEN_TTL', 'must be at least 1s');
  env.check(config.refreshTokenTtlMs >= config.accessTokenTtlMs, 'REFRESH_TOKEN_TTL', 'must be at least ACCESS_TOKEN_TTL');
  const throttle = config.loginThrottle;
  env.check(throttle.windowMs >= 1_000, 'LOGIN_FAILURE_WINDOW', 'must be at least 1s');
  env.check(
    throttle.maxFailuresPerIp >= throttle.maxFailuresPerEmailAndIp,
    'LOGIN_MAX_FAILURES_PER_IP',
    'must be at least LOGIN_MAX_FAILURES_PER_EMAIL_AND_IP',
  );
  return config;
}
