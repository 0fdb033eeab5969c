import { EnvReader, type Env } from './env-reader';
import { readCommonConfig, type CommonConfig } from './common-config';

export interface ApiConfig extends CommonConfig {
  readonly port: number;
  readonly host: string;
  /** Public base URL of the API, used in pagination links. */
  readonly appUrl: string;
  readonly masterApiKey: string | null;
  readonly applicationSecretCompatibility: boolean;
  readonly disableApiRateLimiting: boolean;
  readonly bodyLimitBytes: number;
  readonly outboxBatchSize: number;
  readonly outboxPollIntervalMs: number;
  /** Number of reverse proxies whose X-Forwarded-For is trusted for the client IP. */
  readonly trustProxyHops: number;
}

export function loadApiConfig(environment: Env = process.env): ApiConfig {
  const env = new EnvReader(environment);
  const common = readCommonConfig(env, 9464);
  const port = env.integer('PORT', 8081, 0, 65535);
  const config: ApiConfig = {
    ...common,
    port,
    host: env.string('HOST', '0.0.0.0'),
    appUrl: env.url('APP_URL', `http://127.0.0.1:${port}`, ['http:', 'https:']).replace(/\/+$/, ''),
    masterApiKey: env.uuid('MASTER_API_KEY'),
    applicationSecretCompatibility: env.boolean('ENABLE_APPLICATION_SECRET_COMPATIBILITY', true),
    disableApiRateLimiting: env.boolean('DISABLE_API_RATE_LIMITING', false),
    bodyLimitBytes: env.integer('BODY_LIMIT_BYTES', 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    outboxBatchSize: env.integer('OUTBOX_BATCH_SIZE', 500, 1, 10_000),
    outboxPollIntervalMs: env.duration('OUTBOX_POLL_INTERVAL', '1s'),
    trustProxyHops: env.integer('TRUST_PROXY_HOPS', 0, 0, 10),
  };
  env.check(config.outboxPollIntervalMs > 0, 'OUTBOX_POLL_INTERVAL', 'must be above 0');
  env.done();
  return config;
}
