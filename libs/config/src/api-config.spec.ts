import { loadApiConfig } from './api-config';
import { ConfigError, type Env } from './env-reader';

/** The problems a ConfigError lists; fails the test if loading succeeds or throws anything else. */
function problemsOf(env: Env): readonly string[] {
  try {
    loadApiConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadApiConfig defaults (docs/configuration.md)', () => {
  const config = loadApiConfig({});

  it('uses the documented defaults', () => {
    expect(config).toMatchObject({
      port: 8081,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/hook0',
      amqpUrl: 'amqp://guest:guest@127.0.0.1:5672',
      masterApiKey: null,
      disableApiRateLimiting: false,
      metricsPort: 9464,
      startupTimeoutMs: 60_000,
      applicationSecretCompatibility: true,
    });
  });

  it('uses the project defaults for the rest', () => {
    expect(config).toMatchObject({
      host: '0.0.0.0',
      appUrl: 'http://127.0.0.1:8081',
      bodyLimitBytes: 2 * 1024 * 1024,
      outboxBatchSize: 500,
      outboxPollIntervalMs: 1_000,
      outboxMaxBacklog: 100_000,
      trustProxyHops: 0,
      databasePoolSize: 20,
      amqpPrefix: 'hook0',
      logLevel: 'info',
      shutdownTimeoutMs: 30_000,
      waitLadderMinMs: 250,
      waitLadderMaxMs: 18 * 3_600_000,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadApiConfig({ PORT: '', MASTER_API_KEY: '', LOG_LEVEL: '' })).toMatchObject({
      port: 8081,
      masterApiKey: null,
      logLevel: 'info',
    });
  });

  it('reads process.env when given nothing', () => {
    jest.replaceProperty(process, 'env', { PORT: '9123' });
    try {
      expect(loadApiConfig().port).toBe(9123);
    } finally {
      jest.restoreAllMocks();
    }
  });
});

describe('loadApiConfig values', () => {
  it('reads every variable', () => {
    const config = loadApiConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      APP_URL: 'https://hooks.example.test/',
      MASTER_API_KEY: '3F2504E0-4F89-41D3-9A0C-0305E82C3301',
      ENABLE_APPLICATION_SECRET_COMPATIBILITY: 'false',
      DISABLE_API_RATE_LIMITING: 'true',
      BODY_LIMIT_BYTES: '1024',
      CORS_ALLOWED_ORIGINS: 'https://app.example.test, http://localhost:5173',
      DASHBOARD_DIR: '/srv/dashboard',
      OUTBOX_BATCH_SIZE: '10',
      OUTBOX_POLL_INTERVAL: '500ms',
      OUTBOX_MAX_BACKLOG: '2000',
      TRUST_PROXY_HOPS: '2',
      DATABASE_URL: 'postgresql://u:p@db:5432/hooks',
      DATABASE_POOL_SIZE: '5',
      AMQP_URL: 'amqps://u:p@mq:5671/vhost',
      AMQP_PREFIX: 'test.w1_a-b',
      METRICS_PORT: '0',
      LOG_LEVEL: 'debug',
      STARTUP_TIMEOUT: '2m',
      SHUTDOWN_TIMEOUT: '10s',
      WAIT_LADDER_MIN: '10ms',
      WAIT_LADDER_MAX: '1h',
      HEALTH_CHECK_KEY: 'k',
      HEALTH_CHECK_TIMEOUT: '2s',
      SUPPORT_EMAIL_ADDRESS: 'help@example.test',
    });
    expect(config).toEqual({
      port: 9000,
      host: '127.0.0.1',
      appUrl: 'https://hooks.example.test',
      masterApiKey: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      applicationSecretCompatibility: false,
      disableApiRateLimiting: true,
      bodyLimitBytes: 1024,
      corsAllowedOrigins: ['https://app.example.test', 'http://localhost:5173'],
      dashboardDir: '/srv/dashboard',
      outboxBatchSize: 10,
      outboxPollIntervalMs: 500,
      outboxMaxBacklog: 2000,
      trustProxyHops: 2,
      databaseUrl: 'postgresql://u:p@db:5432/hooks',
      databasePoolSize: 5,
      amqpUrl: 'amqps://u:p@mq:5671/vhost',
      amqpPrefix: 'test.w1_a-b',
      metricsPort: 0,
      logLevel: 'debug',
      startupTimeoutMs: 120_000,
      shutdownTimeoutMs: 10_000,
      waitLadderMinMs: 10,
      waitLadderMaxMs: 3_600_000,
      healthCheckKey: 'k',
      healthCheckTimeoutMs: 2_000,
      supportEmailAddress: 'help@example.test',
      quotas: loadApiConfig({}).quotas,
      rateLimits: loadApiConfig({ DISABLE_API_RATE_LIMITING: 'true' }).rateLimits,
      identity: loadApiConfig({}).identity,
      housekeeping: loadApiConfig({}).housekeeping,
    });
  });

  it('derives the default APP_URL from PORT', () => {
    expect(loadApiConfig({ PORT: '9000' }).appUrl).toBe('http://127.0.0.1:9000');
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['No', false],
  ])('reads the boolean %p as %p', (raw, value) => {
    expect(loadApiConfig({ DISABLE_API_RATE_LIMITING: raw }).disableApiRateLimiting).toBe(value);
  });
});

describe('loadApiConfig refuses invalid values, naming the variable', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['PORT', '8081 '],
    ['APP_URL', 'ftp://hooks.example.test'],
    ['APP_URL', 'not a url'],
    ['MASTER_API_KEY', 'not-a-uuid'],
    ['MASTER_API_KEY', '3f2504e04f8941d39a0c0305e82c3301'],
    ['ENABLE_APPLICATION_SECRET_COMPATIBILITY', 'maybe'],
    ['DISABLE_API_RATE_LIMITING', 'on'],
    ['BODY_LIMIT_BYTES', '10'],
    ['BODY_LIMIT_BYTES', String(65 * 1024 * 1024)],
    ['OUTBOX_BATCH_SIZE', '0'],
    ['OUTBOX_POLL_INTERVAL', '1 second'],
    ['OUTBOX_POLL_INTERVAL', '0s'],
    ['OUTBOX_MAX_BACKLOG', '0'],
    ['TRUST_PROXY_HOPS', '11'],
    ['CORS_ALLOWED_ORIGINS', 'https://app.example.test/path'],
    ['CORS_ALLOWED_ORIGINS', 'app.example.test'],
    ['CORS_ALLOWED_ORIGINS', '*'],
    ['DATABASE_URL', 'mysql://root@db/hooks'],
    ['DATABASE_URL', 'hook0'],
    ['DATABASE_POOL_SIZE', '0'],
    ['AMQP_URL', 'http://guest:guest@mq:15672'],
    ['AMQP_PREFIX', 'has space'],
    ['AMQP_PREFIX', '-leading-dash'],
    ['METRICS_PORT', 'metrics'],
    ['LOG_LEVEL', 'verbose'],
    ['LOG_LEVEL', 'INFO'],
    ['STARTUP_TIMEOUT', '60'],
    ['SHUTDOWN_TIMEOUT', 'soon'],
    ['WAIT_LADDER_MIN', '5ms'],
    ['WAIT_LADDER_MIN', 'x'],
    ['WAIT_LADDER_MAX', '100ms'],
    ['WAIT_LADDER_MAX', 'x'],
  ])('%s=%p', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0].startsWith(`${name} `)).toBe(true);
  });

  it('throws a ConfigError whose message names the variable', () => {
    expect(() => loadApiConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadApiConfig({ PORT: 'abc' })).toThrow(/PORT must be an integer between 0 and 65535, got "abc"/);
  });

  it('lists several bad variables at once', () => {
    let error: unknown;
    try {
      loadApiConfig({ PORT: 'abc', MASTER_API_KEY: 'nope', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message, name } = error as ConfigError;
    expect(name).toBe('ConfigError');
    expect(problems.map((problem) => problem.split(' ')[0]).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'MASTER_API_KEY', 'PORT']);
    for (const variable of ['PORT', 'MASTER_API_KEY', 'LOG_LEVEL', 'DATABASE_URL']) expect(message).toContain(variable);
  });

  it('does not echo secrets: the master key and URL credentials stay out of the message', () => {
    const problems = problemsOf({
      MASTER_API_KEY: 'hunter2-master',
      DATABASE_URL: 'mysql://root:hunter2@db/hooks',
      AMQP_URL: 'http://u:hunter2@mq',
    });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).not.toContain('hunter2');
  });
});
