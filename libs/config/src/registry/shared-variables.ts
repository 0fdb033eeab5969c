import { variablesOf, type ConfigVariable } from './config-variable';

const storage = variablesOf('Database and broker', 'config');
const lifecycle = variablesOf('Process', 'config');
const observability = variablesOf('Observability', 'config');
const tracing = variablesOf('Observability', 'tracing');

const OBSERVABILITY_DOC = '[observability](observability.md#tracing)';

/** Read by every process (common-config.ts), and the tracing variables of libs/observability's tracing.ts. */
export const SHARED_VARIABLES: readonly ConfigVariable[] = [
  storage('DATABASE_URL', 'all', 'postgres://postgres@127.0.0.1:5432/hook0', 'PostgreSQL', { sensitive: true }),
  storage('DATABASE_POOL_SIZE', 'all', '20', 'connections per process'),
  storage('AMQP_URL', 'all', 'amqp://guest:guest@127.0.0.1:5672', "RabbitMQ (the vhost is the URL's path)", { sensitive: true }),
  storage('AMQP_PREFIX', 'all', 'hook0', 'prefix of every exchange and queue name'),

  lifecycle(
    'STARTUP_TIMEOUT',
    'all',
    '60s',
    'how long to wait for PostgreSQL at start, and for RabbitMQ in a dispatcher (the API starts without RabbitMQ and connects its relay when it can, see [observability](observability.md#starting-without-rabbitmq))',
  ),
  lifecycle('SHUTDOWN_TIMEOUT', 'all', '30s', 'how long in-flight work may take after SIGTERM'),

  observability('METRICS_PORT', 'all', '9464 (api), 9465 (dispatcher)', '`/metrics`, `/healthz`, `/readyz`', { derivedDefault: true }),
  observability(
    'LOG_LEVEL',
    'all',
    'info',
    '`error`, `warn`, `info`, `debug`; at `info` the dispatcher logs failed deliveries, skipped fan-outs and everything unusual, and at `debug` also each successful delivery (`delivery.attempted`) and each fan-out (`dispatch.fanned_out`): one line per event costs measurable CPU at high rates',
  ),
  tracing(
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'all',
    null,
    `turns OpenTelemetry tracing on: OTLP/HTTP (JSON) collector base URL. Unset, no tracing code is loaded. The SDK reads the other \`OTEL_*\` variables itself (\`OTEL_TRACES_SAMPLER\`, …), see ${OBSERVABILITY_DOC}`,
  ),
  tracing(
    'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    'all',
    null,
    'full URL spans are posted to; turns tracing on too, and wins over `OTEL_EXPORTER_OTLP_ENDPOINT`',
  ),
  tracing(
    'OTEL_EXPORTER_OTLP_HEADERS',
    'all',
    null,
    'headers sent to the collector, `key=value` pairs separated by commas (an authorization token, say)',
    { sensitive: true },
  ),
  tracing('OTEL_SERVICE_NAME', 'all', 'hook0-<service>', 'service name of the exported spans (`hook0-api`, `hook0-dispatcher`)', {
    derivedDefault: true,
  }),
  tracing('OTEL_SDK_DISABLED', 'all', 'false', '`true` keeps tracing off even with an endpoint set'),
  tracing('OTEL_TRACES_EXPORTER', 'all', null, '`none` keeps tracing off even with an endpoint set'),
];
