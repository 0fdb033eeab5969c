import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per process (tests build several), with the metrics every service shares. */
export function createRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: 'hook0_' });
  return registry;
}

export interface ApiMetrics {
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route'>;
  readonly eventsIngested: Counter<'content_type'>;
  readonly outboxPublished: Counter;
  readonly outboxBacklog: Gauge;
}

export function createApiMetrics(registry: Registry): ApiMetrics {
  return {
    httpRequests: new Counter({ name: 'hook0_http_requests_total', help: 'HTTP requests served', labelNames: ['method', 'route', 'status'], registers: [registry] }),
    httpDuration: new Histogram({
      name: 'hook0_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    eventsIngested: new Counter({ name: 'hook0_events_ingested_total', help: 'Events accepted by POST /event', labelNames: ['content_type'], registers: [registry] }),
    outboxPublished: new Counter({ name: 'hook0_outbox_published_total', help: 'Outbox rows published to RabbitMQ and confirmed', registers: [registry] }),
    outboxBacklog: new Gauge({ name: 'hook0_outbox_backlog', help: 'Outbox rows seen waiting at the last relay pass', registers: [registry] }),
  };
}

export interface DispatcherMetrics {
  readonly eventsDispatched: Counter;
  readonly attemptsCreated: Counter;
  readonly deliveryAttempts: Counter<'outcome'>;
  readonly deliveryDuration: Histogram<'outcome'>;
  readonly deadLettered: Counter;
  readonly messagesRedelivered: Counter<'queue'>;
}

export function createDispatcherMetrics(registry: Registry): DispatcherMetrics {
  return {
    eventsDispatched: new Counter({ name: 'hook0_events_dispatched_total', help: 'Events fanned out to subscriptions', registers: [registry] }),
    attemptsCreated: new Counter({ name: 'hook0_request_attempts_created_total', help: 'Request attempt rows created by fan-out', registers: [registry] }),
    deliveryAttempts: new Counter({ name: 'hook0_delivery_attempts_total', help: 'Delivery attempts by outcome', labelNames: ['outcome'], registers: [registry] }),
    deliveryDuration: new Histogram({
      name: 'hook0_delivery_duration_seconds',
      help: 'Duration of one delivery HTTP request',
      labelNames: ['outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
      registers: [registry],
    }),
    deadLettered: new Counter({ name: 'hook0_deliveries_dead_lettered_total', help: 'Deliveries that exhausted their retries', registers: [registry] }),
    messagesRedelivered: new Counter({ name: 'hook0_messages_redelivered_total', help: 'Messages RabbitMQ delivered again', labelNames: ['queue'], registers: [registry] }),
  };
}
