import type { EnvReader } from './env-reader';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface CommonConfig {
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  readonly amqpUrl: string;
  /** Prefix of every exchange and queue name, so several installations (or test workers) share a vhost. */
  readonly amqpPrefix: string;
  readonly metricsPort: number;
  readonly logLevel: LogLevel;
  readonly startupTimeoutMs: number;
  readonly shutdownTimeoutMs: number;
  /** Smallest and largest wait-queue TTL of the retry ladder. */
  readonly waitLadderMinMs: number;
  readonly waitLadderMaxMs: number;
}

export function readCommonConfig(env: EnvReader, defaultMetricsPort: number): CommonConfig {
  const config: CommonConfig = {
    databaseUrl: env.url('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/hook0', ['postgres:', 'postgresql:']),
    databasePoolSize: env.integer('DATABASE_POOL_SIZE', 20, 1, 500),
    amqpUrl: env.url('AMQP_URL', 'amqp://guest:guest@127.0.0.1:5672', ['amqp:', 'amqps:']),
    amqpPrefix: env.string('AMQP_PREFIX', 'hook0'),
    metricsPort: env.integer('METRICS_PORT', defaultMetricsPort, 0, 65535),
    logLevel: env.oneOf('LOG_LEVEL', 'info', LOG_LEVELS),
    startupTimeoutMs: env.duration('STARTUP_TIMEOUT', '60s'),
    shutdownTimeoutMs: env.duration('SHUTDOWN_TIMEOUT', '30s'),
    waitLadderMinMs: env.duration('WAIT_LADDER_MIN', '250ms'),
    waitLadderMaxMs: env.duration('WAIT_LADDER_MAX', '18h'),
  };
  env.check(/^[a-z0-9][a-z0-9._-]*$/i.test(config.amqpPrefix), 'AMQP_PREFIX', 'must be letters, digits, ".", "_" or "-"');
  env.check(config.waitLadderMinMs >= 10, 'WAIT_LADDER_MIN', 'must be at least 10ms');
  env.check(config.waitLadderMaxMs >= config.waitLadderMinMs, 'WAIT_LADDER_MAX', 'must not be below WAIT_LADDER_MIN');
  return config;
}
