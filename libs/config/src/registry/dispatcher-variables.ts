import { variablesOf, type ConfigVariable } from './config-variable';

const delivery = variablesOf('Delivery', 'config');
const retries = variablesOf('Retries', 'config');
const health = variablesOf('Subscription health', 'config');
const replays = variablesOf('Replays', 'config');

/** Read by the dispatcher alone (dispatcher-config.ts), but for the wait ladder every process declares. */
export const DISPATCHER_VARIABLES: readonly ConfigVariable[] = [
  delivery(
    'CONCURRENT',
    'dispatcher',
    '256',
    "deliveries in flight per dispatcher process (and each queue's prefetch); a delivery holds its slot from its claim to its recorded outcome",
  ),
  delivery(
    'SUBSCRIPTION_MAX_IN_FLIGHT',
    'dispatcher',
    '10',
    'deliveries of one subscription in flight at once across all dispatchers, for subscriptions that set no `max_in_flight` (see [docs/guarantees.md](guarantees.md#fair-delivery))',
  ),
  delivery('CONNECT_TIMEOUT', 'dispatcher', '5s', 'delivery connect timeout'),
  delivery('TIMEOUT', 'dispatcher', '15s', 'delivery total timeout (at least `CONNECT_TIMEOUT`)'),
  delivery(
    'DISABLE_TARGET_IP_CHECK',
    'dispatcher',
    'false',
    'when false, targets resolving to loopback, private, link-local or metadata addresses fail with `E_INVALID_TARGET`',
  ),
  delivery(
    'CONNECTION_POOLS_MAX',
    'dispatcher',
    '1000',
    'keep-alive connection pools (one undici agent per application) kept at once; the least recently used is closed to make room',
  ),
  delivery('CONNECTION_POOL_IDLE', 'dispatcher', '1m', 'how long an unused keep-alive connection pool is kept'),
  delivery('SIGNATURE_HEADER_NAME', 'dispatcher', 'X-Hook0-Signature', 'header carrying the signature of each delivery'),
  delivery('ENABLED_SIGNATURE_VERSIONS', 'dispatcher', 'v1', 'Hook0 signature versions (`v0`, `v1`)'),
  delivery('USER_AGENT', 'dispatcher', 'hook0-ts-dispatcher/0.1.0', '`User-Agent` header of each delivery'),
  delivery('RESPONSE_BODY_MAX_BYTES', 'dispatcher', '65536', 'response bodies are stored up to this size'),
  delivery('WORKER_NAME', 'dispatcher', 'dispatcher-<pid>', 'recorded on each attempt it picks', { derivedDefault: true }),
  delivery(
    'LEASE_RECOVERY_INTERVAL',
    'dispatcher',
    '5s',
    'how often a dispatcher looks for attempts whose dispatcher died holding them (an expired lease) and parked attempts left with room',
  ),
  delivery('RECONCILE_INTERVAL', 'dispatcher', '1m', 'how often the reconciler looks for pending attempts whose message was lost'),
  delivery('RECONCILE_STALE_AFTER', 'dispatcher', '10m', 'how long past due such a pending attempt must be'),

  replays(
    'REPLAY_RATE',
    'dispatcher',
    '50',
    'replays by query: re-deliveries scheduled per second per application, across all dispatchers, 1 to 100000 (see [docs/api.md](api.md#replays))',
  ),
  replays('REPLAY_INTERVAL', 'dispatcher', '250ms', 'how often each dispatcher schedules the next batch of every running replay'),

  retries(
    'RETRY_SCHEDULE',
    'dispatcher',
    '3s,10s,3m,30m,1h,3h,5h,10h',
    "delay before retry 1, 2, …; the last repeats. Free for the operator; a subscription's own `retry_schedule` steps are 1s to 10d",
  ),
  retries(
    'MAX_RETRIES',
    'dispatcher',
    '24',
    "retries after the first attempt, then the delivery is dead-lettered. Free for the operator (up to 1000); a subscription's own `max_retries` is 0 to 30",
  ),
  retries(
    'RETRY_JITTER_RATIO',
    'dispatcher',
    '0.1',
    'jitter added to each delay: uniform in `[0, clamp(ratio × delay, min, max)]`; ratio 0 turns it off',
  ),
  retries('RETRY_JITTER_MIN_SPREAD', 'dispatcher', '2s', 'the `min` of the jitter clamp'),
  retries('RETRY_JITTER_MAX_SPREAD', 'dispatcher', '15m', 'the `max` of the jitter clamp'),
  retries(
    'WAIT_LADDER_MIN',
    'all',
    '250ms',
    'smallest retry wait queue (see [the wait ladder](architecture.md#retries-on-stock-rabbitmq-the-wait-ladder))',
  ),
  retries(
    'WAIT_LADDER_MAX',
    'all',
    '18h',
    'largest retry wait queue (see [the wait ladder](architecture.md#retries-on-stock-rabbitmq-the-wait-ladder))',
  ),
  health(
    'SUBSCRIPTION_DISABLE_AFTER',
    'dispatcher',
    '5d',
    'a subscription whose every attempt has failed for this long (and at least `SUBSCRIPTION_DISABLE_MIN_FAILURES` times) is disabled by health (see [docs/guarantees.md](guarantees.md#subscription-health))',
  ),
  health(
    'SUBSCRIPTION_DISABLE_MIN_FAILURES',
    'dispatcher',
    '10',
    'consecutive failed attempts needed, with `SUBSCRIPTION_DISABLE_AFTER`, to disable a subscription',
  ),
  health(
    'SUBSCRIPTION_PROBE_INTERVAL',
    'dispatcher',
    '1h',
    'first probe of a subscription disabled by health, with its oldest waiting delivery; each failed probe doubles the interval',
  ),
  health('SUBSCRIPTION_PROBE_MAX_INTERVAL', 'dispatcher', '1d', 'longest interval between probes'),
  health(
    'SUBSCRIPTION_REDRIVE_RATE',
    'dispatcher',
    '20',
    'waiting deliveries released per second to a recovered subscription, oldest event first',
  ),
  health(
    'SUBSCRIPTION_HEALTH_CHECK_INTERVAL',
    'dispatcher',
    '1s',
    'how often each dispatcher looks for due probes and for deliveries to release',
  ),
  health(
    'OPERATIONAL_WEBHOOKS_APPLICATION_ID',
    'dispatcher',
    null,
    'application that receives `hook0.subscription.disabled`, `hook0.subscription.recovered` and `hook0.attempt.exhausted` events; unset: none are emitted',
  ),
];
