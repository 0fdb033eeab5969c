import type { EnvReader } from './env-reader';

/** Subscription health (docs/guarantees.md "Subscription health"): when a subscription is disabled, probed and re-driven. */
export interface SubscriptionHealthConfig {
  /** A failure streak disables the subscription once it is this old and at least `disableMinFailures` long. */
  readonly disableAfterMs: number;
  readonly disableMinFailures: number;
  /** The first probe of a disabled subscription comes this long after it was disabled; each failed probe doubles it, up to the maximum. */
  readonly probeIntervalMs: number;
  readonly probeMaxIntervalMs: number;
  /** Waiting deliveries released per second per recovered subscription. */
  readonly redrivePerSecond: number;
  /** How often each dispatcher looks for probes that are due and recovered subscriptions with deliveries waiting. */
  readonly checkIntervalMs: number;
  /** The application that receives operational events (`hook0.subscription.disabled`…); null: none are emitted. */
  readonly operationalApplicationId: string | null;
}

export function readSubscriptionHealthConfig(env: EnvReader): SubscriptionHealthConfig {
  const config: SubscriptionHealthConfig = {
    disableAfterMs: env.duration('SUBSCRIPTION_DISABLE_AFTER', '5d'),
    disableMinFailures: env.integer('SUBSCRIPTION_DISABLE_MIN_FAILURES', 10, 1, 1_000_000),
    probeIntervalMs: env.duration('SUBSCRIPTION_PROBE_INTERVAL', '1h'),
    probeMaxIntervalMs: env.duration('SUBSCRIPTION_PROBE_MAX_INTERVAL', '1d'),
    redrivePerSecond: env.integer('SUBSCRIPTION_REDRIVE_RATE', 20, 1, 10_000),
    checkIntervalMs: env.duration('SUBSCRIPTION_HEALTH_CHECK_INTERVAL', '1s'),
    operationalApplicationId: env.uuid('OPERATIONAL_WEBHOOKS_APPLICATION_ID'),
  };
  env.check(config.probeIntervalMs > 0, 'SUBSCRIPTION_PROBE_INTERVAL', 'must be above 0');
  env.check(
    config.probeMaxIntervalMs >= config.probeIntervalMs,
    'SUBSCRIPTION_PROBE_MAX_INTERVAL',
    'must not be below SUBSCRIPTION_PROBE_INTERVAL',
  );
  env.check(config.checkIntervalMs > 0, 'SUBSCRIPTION_HEALTH_CHECK_INTERVAL', 'must be above 0');
  return config;
}
