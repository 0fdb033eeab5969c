import { variablesOf, type ConfigVariable } from './config-variable';

const server = variablesOf('Web server', 'config');
const identity = variablesOf('Authentication and users', 'config');
const outbox = variablesOf('Outbox', 'config');

/** Read by the API alone (api-config.ts, identity-config.ts). */
export const API_VARIABLES: readonly ConfigVariable[] = [
  server('PORT', 'api', '8081', 'API port; the API lives under `/api/v1`'),
  server('HOST', 'api', '0.0.0.0', 'listen address'),
  server('APP_URL', 'api', 'http://127.0.0.1:$PORT', 'public base URL, used in pagination `Link` headers', { derivedDefault: true }),
  server(
    'BODY_LIMIT_BYTES',
    'api',
    '2097152',
    'largest JSON body, counted after decompression; past it, 413 `PayloadTooLarge` (see [Request bodies](api.md#request-bodies))',
  ),
  server('TRUST_PROXY_HOPS', 'api', '0', 'reverse proxies trusted for the client IP (stored with each event; keys the per-IP rate limit)'),
  server(
    'CORS_ALLOWED_ORIGINS',
    'api',
    null,
    'comma-separated web origins whose browsers may call the API (see [CORS](api.md#cors-and-request-ids)); unset: no cross-origin call is allowed',
  ),
  server(
    'DASHBOARD_DIR',
    'api',
    null,
    'folder of the built web dashboard served at `/` (see [the dashboard](dashboard.md)); unset: `services/dashboard/dist`, where `npm run build` and the image put it',
  ),
  server('HEALTH_CHECK_KEY', 'api', null, '`GET /api/v1/health`: unset → 404; empty → public; otherwise `?key=` must equal it (else 403)', {
    sensitive: true,
  }),
  server(
    'HEALTH_CHECK_TIMEOUT',
    'api',
    '5s',
    'how long the health check (`GET /api/v1/health`, and `/readyz`) waits for PostgreSQL before reporting it down',
  ),
  server('SUPPORT_EMAIL_ADDRESS', 'api', null, 'shown by `GET /api/v1/instance`'),

  identity('MASTER_API_KEY', 'api', null, 'a UUID with master rights (creates organizations)', { sensitive: true }),
  identity('ENABLE_APPLICATION_SECRET_COMPATIBILITY', 'api', 'true', 'application secrets work as bearer tokens'),
  identity('REGISTRATION_DISABLED', 'api', 'false', '`POST /api/v1/register` answers 410 `RegistrationDisabled`'),
  identity('PASSWORD_MINIMUM_LENGTH', 'api', '12', 'shortest password, in characters (8–256); the longest is 256'),
  identity(
    'ACCESS_TOKEN_TTL',
    'api',
    '5m',
    "lifetime of a user's access token (see [Users, organizations and tokens](api.md#users-organizations-and-tokens))",
  ),
  identity('REFRESH_TOKEN_TTL', 'api', '30m', "lifetime of a user's refresh token, at least `ACCESS_TOKEN_TTL`; each refresh rotates it"),
  identity(
    'LOGIN_MAX_FAILURES_PER_EMAIL_AND_IP',
    'api',
    '10',
    'failed logins for one email from one client address (an IPv6 /64) within the window; the next attempt answers 429 `RateLimited` (see [Passwords](api.md#passwords))',
  ),
  identity(
    'LOGIN_MAX_FAILURES_PER_IP',
    'api',
    '100',
    'failed logins from one client address, whatever the emails, within the window (at least the previous one)',
  ),
  identity('LOGIN_FAILURE_WINDOW', 'api', '15m', 'how long a failed login counts (at least `1s`)'),
  identity(
    'PASSWORD_HASHING_CONCURRENCY',
    'api',
    '2',
    'password hashes computed at once per process (1–64); the others wait (see [Passwords](api.md#passwords))',
  ),
  identity(
    'PASSWORD_HASHING_QUEUE_SIZE',
    'api',
    '32',
    'password hashes that may wait (0–10000); past them, 503 `ServiceUnavailable` with `Retry-After: 1`',
  ),

  outbox('OUTBOX_BATCH_SIZE', 'api', '500', 'outbox relay batch'),
  outbox('OUTBOX_POLL_INTERVAL', 'api', '1s', 'sweep period of the outbox relay, for rows another replica left'),
  outbox(
    'OUTBOX_MAX_BACKLOG',
    'api',
    '100000',
    'while this many events wait to be published (RabbitMQ away or pushing back for long), ingest answers 503 `ServiceUnavailable` with `Retry-After: 5` instead of piling up',
  ),
];
