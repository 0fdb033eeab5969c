import { variablesOf, type ConfigVariable } from './config-variable';

const rate = variablesOf('Rate limits', 'config');
const quota = variablesOf('Quotas', 'config');
const housekeeping = variablesOf('Housekeeping', 'config');

const BUCKETS = [
  {
    scope: 'GLOBAL',
    burst: '2000',
    period: '1',
    limiter: 'the limiter of the whole API',
    bucket: 'the bucket of the whole API (per replica)',
  },
  { scope: 'IP', burst: '200', period: '10', limiter: 'the per-IP limiter', bucket: 'the bucket of each client IP' },
  {
    scope: 'TOKEN',
    burst: '20',
    period: '100',
    limiter: 'the per-credential limiter',
    bucket: 'the bucket of each credential (master key, application secret, service token, user session)',
  },
];

/** The API's rate limits, quotas and housekeeping (rate-limit-config.ts, quota-config.ts, housekeeping-config.ts), with Hook0's names. */
export const LIMIT_VARIABLES: readonly ConfigVariable[] = [
  rate('DISABLE_API_RATE_LIMITING', 'api', 'false', 'turns every API rate limiter off (see [Rate limits](api.md#rate-limits))'),
  ...BUCKETS.map(({ scope, limiter }) => rate(`DISABLE_API_RATE_LIMITING_${scope}`, 'api', 'false', `turns ${limiter} off`)),
  ...BUCKETS.flatMap(({ scope, burst, period, bucket }) => [
    rate(`API_RATE_LIMITING_${scope}_BURST_SIZE`, 'api', burst, `requests ${bucket} holds`),
    rate(`API_RATE_LIMITING_${scope}_REPLENISH_PERIOD_IN_MS`, 'api', period, `milliseconds to add one request to ${bucket}`),
  ]),

  quota(
    'ENABLE_QUOTA_ENFORCEMENT',
    'api',
    'false',
    'enforce the `QUOTA_GLOBAL_*` limits; when off every limit reads `2147483647` (see [Quotas](api.md#quotas))',
  ),
  quota('QUOTA_GLOBAL_MEMBERS_PER_ORGANIZATION_LIMIT', 'api', '1', 'users per organization (checked on invitation)'),
  quota('QUOTA_GLOBAL_APPLICATIONS_PER_ORGANIZATION_LIMIT', 'api', '1', 'live applications per organization'),
  quota('QUOTA_GLOBAL_EVENTS_PER_DAY_LIMIT', 'api', '100', 'events each application may ingest per UTC day'),
  quota(
    'QUOTA_GLOBAL_DAYS_OF_EVENTS_RETENTION_LIMIT',
    'api',
    '7',
    'days an event is kept, for applications without their own limit; applies to housekeeping **even when quotas are off**, as in Hook0 (see [Retention and housekeeping](api.md#retention-and-housekeeping))',
  ),
  quota('QUOTA_GLOBAL_SUBSCRIPTIONS_PER_APPLICATION_LIMIT', 'api', '10', 'live subscriptions per application'),
  quota('QUOTA_GLOBAL_EVENT_TYPES_PER_APPLICATION_LIMIT', 'api', '10', 'active event types per application'),

  housekeeping('OLD_EVENTS_CLEANUP_PERIOD_IN_S', 'api', '3600', 'seconds between old-events passes'),
  housekeeping(
    'OLD_EVENTS_CLEANUP_GRACE_PERIOD_IN_DAY',
    'api',
    '30',
    'days an event is kept past its retention before it counts as expired',
  ),
  housekeeping(
    'OLD_EVENTS_CLEANUP_REPORT_AND_DELETE',
    'api',
    'false',
    '`false`: expired events are only reported; `true`: deleted with their attempts and responses',
  ),
  housekeeping(
    'ENABLE_SOFT_DELETED_APPLICATIONS_CLEANUP',
    'api',
    'false',
    'purge soft-deleted applications after the grace period; `false`: keep them forever',
  ),
  housekeeping('SOFT_DELETED_APPLICATIONS_CLEANUP_PERIOD', 'api', '1d', 'time between purges of soft-deleted applications'),
  housekeeping('SOFT_DELETED_APPLICATIONS_CLEANUP_GRACE_PERIOD', 'api', '30d', 'how long after its deletion an application is purged'),
  housekeeping('EXPIRED_TOKENS_CLEANUP_PERIOD', 'api', '1h', 'time between expired-token passes'),
  housekeeping('EXPIRED_TOKENS_CLEANUP_GRACE_PERIOD', 'api', '7d', 'how long after its expiry a token counts as expired'),
  housekeeping(
    'EXPIRED_TOKENS_CLEANUP_REPORT_AND_DELETE',
    'api',
    'false',
    '`false`: expired tokens and dead sessions are only reported; `true`: deleted',
  ),
];
