import { EnvReader, type Env } from './env-reader';
import { readCommonConfig, type CommonConfig } from './common-config';
import { readHousekeepingConfig, type HousekeepingConfig } from './housekeeping-config';
import { readIdentityConfig, type IdentityConfig } from './identity-config';
import { readQuotaConfig, type QuotaConfig } from './quota-config';
import { readRateLimitConfig, type RateLimitConfig } from './rate-limit-config';

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
  /** Ingest answers 503 while this many events wait in the outbox (RabbitMQ away or pushing back for long). */
  readonly outboxMaxBacklog: number;
  /** Number of reverse proxies whose X-Forwarded-For is trusted for the client IP. */
  readonly trustProxyHops: number;
  /** The built web dashboard served at `/`; null: the one built beside the API. */
  readonly dashboardDir: string | null;
  /** Web origins whose browsers may call the API (CORS); empty: none. */
  readonly corsAllowedOrigins: readonly string[];
  /** Users, passwords and session tokens. */
  readonly identity: IdentityConfig;
  /** HEALTH_CHECK_KEY: null (unset) hides GET /health, "" makes it public, anything else is the `?key=` to give. */
  readonly healthCheckKey: string | null;
  readonly healthCheckTimeoutMs: number;
  /** Shown by GET /instance; null when unset. */
  readonly supportEmailAddress: string | null;
  readonly quotas: QuotaConfig;
  readonly rateLimits: RateLimitConfig;
  readonly housekeeping: HousekeepingConfig;
}

export function loadApiConfig(environment: Env = process.env): ApiConfig {
  const env = new EnvReader(environment, 'api');
  const common = readCommonConfig(env, 9464);
  const port = env.integer('PORT', 8081, 0, 65535);
  const disableApiRateLimiting = env.boolean('DISABLE_API_RATE_LIMITING', false);
  const config: ApiConfig = {
    ...common,
    port,
    host: env.string('HOST', '0.0.0.0'),
    appUrl: env.url('APP_URL', `http://127.0.0.1:${port}`, ['http:', 'https:']).replace(/\/+$/, ''),
    masterApiKey: env.uuid('MASTER_API_KEY'),
    applicationSecretCompatibility: env.boolean('ENABLE_APPLICATION_SECRET_COMPATIBILITY', true),
    disableApiRateLimiting,
    bodyLimitBytes: env.integer('BODY_LIMIT_BYTES', 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    outboxBatchSize: env.integer('OUTBOX_BATCH_SIZE', 500, 1, 10_000),
    outboxPollIntervalMs: env.duration('OUTBOX_POLL_INTERVAL', '1s'),
    outboxMaxBacklog: env.integer('OUTBOX_MAX_BACKLOG', 100_000, 1, 100_000_000),
    trustProxyHops: env.integer('TRUST_PROXY_HOPS', 0, 0, 10),
    corsAllowedOrigins: env.originList('CORS_ALLOWED_ORIGINS'),
    dashboardDir: env.optionalString('DASHBOARD_DIR'),
    identity: readIdentityConfig(env),
    // Read raw: unlike every other variable, an empty HEALTH_CHECK_KEY means something (a public endpoint).
    healthCheckKey: env.optionalStringKeepingEmpty('HEALTH_CHECK_KEY'),
    healthCheckTimeoutMs: env.duration('HEALTH_CHECK_TIMEOUT', '5s'),
    supportEmailAddress: env.optionalString('SUPPORT_EMAIL_ADDRESS'),
    quotas: readQuotaConfig(env),
    rateLimits: readRateLimitConfig(env, disableApiRateLimiting),
    housekeeping: readHousekeepingConfig(env),
  };
  env.check(config.outboxPollIntervalMs > 0, 'OUTBOX_POLL_INTERVAL', 'must be above 0');
  env.check(config.healthCheckTimeoutMs > 0, 'HEALTH_CHECK_TIMEOUT', 'must be above 0');
  env.done();
  return config;
}
