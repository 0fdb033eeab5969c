import { DEFAULT_SIGNATURE_HEADER_NAME, type RetrySettings, type SignatureVersion } from '@hook0/core';
import { EnvReader, type Env } from './env-reader';
import { readCommonConfig, type CommonConfig } from './common-config';
import { readSubscriptionHealthConfig, type SubscriptionHealthConfig } from './health-config';

export interface DispatcherConfig extends CommonConfig {
  readonly retry: RetrySettings;
  readonly connectTimeoutMs: number;
  readonly timeoutMs: number;
  readonly disableTargetIpCheck: boolean;
  /** Keep-alive connection pools (one per application) kept at once, and how long an unused one is kept. */
  readonly connectionPoolsMax: number;
  readonly connectionPoolIdleMs: number;
  readonly signatureHeaderName: string;
  readonly enabledSignatureVersions: readonly SignatureVersion[];
  /** Deliveries in flight per dispatcher process, and the prefetch of its consumers. */
  readonly concurrency: number;
  /** A subscription's deliveries in flight across all dispatchers, when it sets no max_in_flight of its own. */
  readonly subscriptionMaxInFlight: number;
  readonly responseBodyMaxBytes: number;
  readonly workerName: string;
  readonly userAgent: string;
  /** How often the reconciler looks for attempts whose message was lost, and how long past due that takes. */
  readonly reconcileIntervalMs: number;
  readonly reconcileStaleAfterMs: number;
  /** How often expired leases (a dispatcher died mid-delivery) and stranded parked attempts are looked for. */
  readonly leaseRecoveryIntervalMs: number;
  readonly health: SubscriptionHealthConfig;
  /** Replays by query: re-deliveries scheduled per second per application, and how often each dispatcher schedules. */
  readonly replayRate: number;
  readonly replayIntervalMs: number;
}

export function loadDispatcherConfig(environment: Env = process.env): DispatcherConfig {
  const env = new EnvReader(environment, 'dispatcher');
  const common = readCommonConfig(env, 9465);
  const config: DispatcherConfig = {
    ...common,
    retry: {
      scheduleMs: env.durationList('RETRY_SCHEDULE', '3s,10s,3m,30m,1h,3h,5h,10h'),
      maxRetries: env.integer('MAX_RETRIES', 24, 0, 1000),
      jitterRatio: env.number('RETRY_JITTER_RATIO', 0.1, 0, 1),
      jitterMinSpreadMs: env.duration('RETRY_JITTER_MIN_SPREAD', '2s'),
      jitterMaxSpreadMs: env.duration('RETRY_JITTER_MAX_SPREAD', '15m'),
    },
    connectTimeoutMs: env.duration('CONNECT_TIMEOUT', '5s'),
    timeoutMs: env.duration('TIMEOUT', '15s'),
    disableTargetIpCheck: env.boolean('DISABLE_TARGET_IP_CHECK', false),
    connectionPoolsMax: env.integer('CONNECTION_POOLS_MAX', 1000, 1, 1_000_000),
    connectionPoolIdleMs: env.duration('CONNECTION_POOL_IDLE', '1m'),
    signatureHeaderName: env.string('SIGNATURE_HEADER_NAME', DEFAULT_SIGNATURE_HEADER_NAME),
    enabledSignatureVersions: env.oneOfList('ENABLED_SIGNATURE_VERSIONS', 'v1', ['v0', 'v1'] as const),
    concurrency: env.integer('CONCURRENT', 256, 1, 10_000),
    subscriptionMaxInFlight: env.integer('SUBSCRIPTION_MAX_IN_FLIGHT', 10, 1, 10_000),
    responseBodyMaxBytes: env.integer('RESPONSE_BODY_MAX_BYTES', 64 * 1024, 0, 16 * 1024 * 1024),
    workerName: env.string('WORKER_NAME', `dispatcher-${process.pid}`),
    userAgent: env.string('USER_AGENT', 'hook0-ts-dispatcher/0.1.0'),
    reconcileIntervalMs: env.duration('RECONCILE_INTERVAL', '1m'),
    reconcileStaleAfterMs: env.duration('RECONCILE_STALE_AFTER', '10m'),
    leaseRecoveryIntervalMs: env.duration('LEASE_RECOVERY_INTERVAL', '5s'),
    health: readSubscriptionHealthConfig(env),
    replayRate: env.number('REPLAY_RATE', 50, 1, 100_000),
    replayIntervalMs: env.duration('REPLAY_INTERVAL', '250ms'),
  };
  env.check(/^[A-Za-z0-9-]+$/.test(config.signatureHeaderName), 'SIGNATURE_HEADER_NAME', 'must be a valid header name');
  env.check(config.connectionPoolIdleMs > 0, 'CONNECTION_POOL_IDLE', 'must be above 0');
  env.check(config.connectTimeoutMs > 0, 'CONNECT_TIMEOUT', 'must be above 0');
  env.check(config.timeoutMs >= config.connectTimeoutMs, 'TIMEOUT', 'must not be below CONNECT_TIMEOUT');
  env.check(config.leaseRecoveryIntervalMs > 0, 'LEASE_RECOVERY_INTERVAL', 'must be above 0');
  env.check(config.replayIntervalMs > 0, 'REPLAY_INTERVAL', 'must be above 0');
  env.done();
  return config;
}
