import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { createBrokerGauges, type BrokerConnectionState } from './broker-gauges';

/** What became of a POST /event, as its response said. */
export const INGEST_OUTCOMES = ['accepted', 'duplicate', 'invalid', 'unauthorized', 'throttled', 'backlog_full', 'unavailable'] as const;
export type IngestOutcome = (typeof INGEST_OUTCOMES)[number];

/** Hook0's housekeeping tasks (docs/hook0-compatibility.md "Retention"), and what a pass does with the rows it finds. */
export const HOUSEKEEPING_TASKS = ['old_events', 'soft_deleted_applications', 'expired_tokens'] as const;
export type HousekeepingTaskName = (typeof HOUSEKEEPING_TASKS)[number];
export const HOUSEKEEPING_ACTIONS = ['reported', 'deleted'] as const;

export interface ApiMetrics {
  readonly httpDuration: Histogram<'method' | 'route' | 'status_class'>;
  readonly eventsIngested: Counter<'outcome'>;
  readonly outboxPublished: Counter;
  readonly outboxBacklog: Gauge;
  readonly outboxOldestAge: Gauge;
  readonly housekeepingRows: Counter<'task' | 'action'>;
  readonly housekeepingLastSuccess: Gauge<'task'>;
}

export interface ApiMetricsOptions {
  /** Reported as hook0_amqp_connected and hook0_amqp_blocked. */
  readonly broker?: BrokerConnectionState;
}

export function createApiMetrics(registry: Registry, options: ApiMetricsOptions = {}): ApiMetrics {
  createBrokerGauges(registry, options.broker);
  const eventsIngested = new Counter({
    name: 'hook0_events_ingested_total',
    help: 'POST /event responses by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });
  // Every outcome from zero, so that a rate or an alert sees the first one.
  for (const outcome of INGEST_OUTCOMES) eventsIngested.inc({ outcome }, 0);
  const housekeepingRows = new Counter({
    name: 'hook0_housekeeping_rows_total',
    help: 'Rows housekeeping found expired (reported) and removed (deleted), by task',
    labelNames: ['task', 'action'],
    registers: [registry],
  });
  for (const task of HOUSEKEEPING_TASKS) for (const action of HOUSEKEEPING_ACTIONS) housekeepingRows.inc({ task, action }, 0);
  return {
    httpDuration: new Histogram({
      name: 'hook0_http_request_duration_seconds',
      help: 'HTTP request duration by method, route template and status class',
      labelNames: ['method', 'route', 'status_class'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    eventsIngested,
    outboxPublished: new Counter({
      name: 'hook0_outbox_published_total',
      help: 'Outbox rows published to RabbitMQ and confirmed',
      registers: [registry],
    }),
    outboxBacklog: new Gauge({
      name: 'hook0_outbox_backlog',
      help: 'Outbox rows waiting to be published, at the last relay pass',
      registers: [registry],
    }),
    outboxOldestAge: new Gauge({
      name: 'hook0_outbox_oldest_age_seconds',
      help: 'Age of the oldest outbox row waiting to be published, at the last relay pass (0 when none waits)',
      registers: [registry],
    }),
    housekeepingRows,
    housekeepingLastSuccess: new Gauge({
      name: 'hook0_housekeeping_last_success_timestamp_seconds',
      help: 'Unix time at which this replica last completed a housekeeping pass, by task',
      labelNames: ['task'],
      registers: [registry],
    }),
  };
}
