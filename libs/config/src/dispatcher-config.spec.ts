import { loadDispatcherConfig } from './dispatcher-config';
import { ConfigError, type Env } from './env-reader';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

function problemsOf(env: Env): readonly string[] {
  try {
    loadDispatcherConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadDispatcherConfig defaults (docs/configuration.md; docs/hook0-compatibility.md "Delivery and signatures", "Retries")', () => {
  const config = loadDispatcherConfig({});

  it('uses Hook0 retry schedule and retry count', () => {
    expect(config.retry).toEqual({
      scheduleMs: [3 * SECOND, 10 * SECOND, 3 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 5 * HOUR, 10 * HOUR],
      maxRetries: 24,
      jitterRatio: 0.1,
      jitterMinSpreadMs: 2 * SECOND,
      jitterMaxSpreadMs: 15 * MINUTE,
    });
  });

  it('uses the documented delivery defaults', () => {
    expect(config).toMatchObject({
      connectTimeoutMs: 5 * SECOND,
      timeoutMs: 15 * SECOND,
      disableTargetIpCheck: false,
      signatureHeaderName: 'X-Hook0-Signature',
      enabledSignatureVersions: ['v1'],
      metricsPort: 9465,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/hook0',
      amqpUrl: 'amqp://guest:guest@127.0.0.1:5672',
      startupTimeoutMs: 60 * SECOND,
    });
  });

  it('uses the project defaults for the rest', () => {
    expect(config).toMatchObject({
      concurrency: 256,
      subscriptionMaxInFlight: 10,
      leaseRecoveryIntervalMs: 5_000,
      responseBodyMaxBytes: 64 * 1024,
      workerName: `dispatcher-${process.pid}`,
      userAgent: 'hook0-ts-dispatcher/0.1.0',
      reconcileIntervalMs: 60_000,
      reconcileStaleAfterMs: 600_000,
      connectionPoolsMax: 1000,
      connectionPoolIdleMs: MINUTE,
    });
  });
});

describe('loadDispatcherConfig values', () => {
  it('reads every dispatcher variable', () => {
    const config = loadDispatcherConfig({
      RETRY_SCHEDULE: '5s, 1m,1h',
      MAX_RETRIES: '0',
      RETRY_JITTER_RATIO: '0',
      RETRY_JITTER_MIN_SPREAD: '0s',
      RETRY_JITTER_MAX_SPREAD: '1m',
      CONNECT_TIMEOUT: '500ms',
      TIMEOUT: '500ms',
      DISABLE_TARGET_IP_CHECK: 'true',
      SIGNATURE_HEADER_NAME: 'X-Signature',
      ENABLED_SIGNATURE_VERSIONS: 'v0, v1',
      CONCURRENT: '1',
      RESPONSE_BODY_MAX_BYTES: '0',
      WORKER_NAME: 'worker-a',
      USER_AGENT: 'test-agent/1',
      RECONCILE_INTERVAL: '5s',
      RECONCILE_STALE_AFTER: '2m',
      SUBSCRIPTION_MAX_IN_FLIGHT: '3',
      LEASE_RECOVERY_INTERVAL: '250ms',
      CONNECTION_POOLS_MAX: '5',
      CONNECTION_POOL_IDLE: '30s',
    });
    expect(config).toMatchObject({
      retry: { scheduleMs: [5 * SECOND, MINUTE, HOUR], maxRetries: 0, jitterRatio: 0, jitterMinSpreadMs: 0, jitterMaxSpreadMs: MINUTE },
      connectTimeoutMs: 500,
      timeoutMs: 500,
      disableTargetIpCheck: true,
      signatureHeaderName: 'X-Signature',
      enabledSignatureVersions: ['v0', 'v1'],
      concurrency: 1,
      responseBodyMaxBytes: 0,
      workerName: 'worker-a',
      userAgent: 'test-agent/1',
      reconcileIntervalMs: 5_000,
      reconcileStaleAfterMs: 120_000,
      subscriptionMaxInFlight: 3,
      leaseRecoveryIntervalMs: 250,
      connectionPoolsMax: 5,
      connectionPoolIdleMs: 30_000,
    });
  });

  it('accepts v0 alone and a fractional jitter ratio', () => {
    const config = loadDispatcherConfig({ ENABLED_SIGNATURE_VERSIONS: 'v0', RETRY_JITTER_RATIO: '0.25' });
    expect(config.enabledSignatureVersions).toEqual(['v0']);
    expect(config.retry.jitterRatio).toBe(0.25);
  });
});

describe('loadDispatcherConfig refuses invalid values, naming the variable', () => {
  it.each([
    ['RETRY_SCHEDULE', '3s,soon'],
    ['RETRY_SCHEDULE', '3s,0s'],
    ['RETRY_SCHEDULE', ','],
    ['RETRY_SCHEDULE', '3s;10s'],
    ['MAX_RETRIES', '-1'],
    ['MAX_RETRIES', '1001'],
    ['MAX_RETRIES', 'many'],
    ['SUBSCRIPTION_MAX_IN_FLIGHT', '0'],
    ['SUBSCRIPTION_MAX_IN_FLIGHT', 'ten'],
    ['LEASE_RECOVERY_INTERVAL', '0s'],
    ['RETRY_JITTER_RATIO', '1.5'],
    ['RETRY_JITTER_RATIO', '-0.1'],
    ['RETRY_JITTER_RATIO', 'ten percent'],
    ['RETRY_JITTER_RATIO', ' '],
    ['RETRY_JITTER_MIN_SPREAD', '2'],
    ['RETRY_JITTER_MAX_SPREAD', '15 min'],
    ['CONNECT_TIMEOUT', '5'],
    ['CONNECT_TIMEOUT', '0s'],
    ['TIMEOUT', 'x'],
    ['TIMEOUT', '0ms'],
    ['TIMEOUT', '1s'],
    ['DISABLE_TARGET_IP_CHECK', 'nope'],
    ['CONNECTION_POOLS_MAX', '0'],
    ['CONNECTION_POOLS_MAX', 'many'],
    ['CONNECTION_POOL_IDLE', '0s'],
    ['CONNECTION_POOL_IDLE', '1'],
    ['SIGNATURE_HEADER_NAME', 'X Hook0 Signature'],
    ['SIGNATURE_HEADER_NAME', 'X-Hook0-Signature:'],
    ['ENABLED_SIGNATURE_VERSIONS', 'v2'],
    ['ENABLED_SIGNATURE_VERSIONS', 'v1,v2'],
    ['ENABLED_SIGNATURE_VERSIONS', ','],
    ['CONCURRENT', '0'],
    ['RESPONSE_BODY_MAX_BYTES', '-1'],
    ['DATABASE_URL', 'mysql://db/hooks'],
    ['METRICS_PORT', '65536'],
    ['WAIT_LADDER_MIN', '1ms'],
  ])('%s=%p', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0].startsWith(`${name} `)).toBe(true);
  });

  it('names TIMEOUT when it is below CONNECT_TIMEOUT', () => {
    expect(problemsOf({ CONNECT_TIMEOUT: '10s', TIMEOUT: '5s' })).toEqual(['TIMEOUT must not be below CONNECT_TIMEOUT']);
  });

  it('lists several bad variables at once', () => {
    const env = { RETRY_SCHEDULE: 'soon', MAX_RETRIES: '-3', ENABLED_SIGNATURE_VERSIONS: 'v9', CONNECT_TIMEOUT: 'fast' };
    expect(() => loadDispatcherConfig(env)).toThrow(ConfigError);
    const problems = problemsOf(env);
    expect(problems.map((problem) => problem.split(' ')[0]).sort()).toEqual([
      'CONNECT_TIMEOUT',
      'ENABLED_SIGNATURE_VERSIONS',
      'MAX_RETRIES',
      'RETRY_SCHEDULE',
    ]);
    expect(() => loadDispatcherConfig(env)).toThrow(
      /RETRY_SCHEDULE[\s\S]*MAX_RETRIES[\s\S]*CONNECT_TIMEOUT[\s\S]*ENABLED_SIGNATURE_VERSIONS/,
    );
  });
});

describe('replay settings (docs/api.md "Replays")', () => {
  it('schedules 50 re-deliveries per second per application, every 250 ms, by default', () => {
    expect(loadDispatcherConfig({})).toMatchObject({ replayRate: 50, replayIntervalMs: 250 });
    expect(loadDispatcherConfig({ REPLAY_RATE: '2.5', REPLAY_INTERVAL: '1s' })).toMatchObject({ replayRate: 2.5, replayIntervalMs: 1000 });
  });

  it.each([
    [{ REPLAY_RATE: '0.5' }, 'REPLAY_RATE'],
    [{ REPLAY_RATE: 'fast' }, 'REPLAY_RATE'],
    [{ REPLAY_INTERVAL: '0s' }, 'REPLAY_INTERVAL'],
  ])('refuses %p', (env, name) => {
    expect(problemsOf(env).join('\n')).toContain(name);
  });
});
