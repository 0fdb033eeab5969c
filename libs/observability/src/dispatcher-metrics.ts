import { DEAD_REASONS } from '@hook0/core';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { createBrokerGauges, type BrokerConnectionState } from './broker-gauges';
import { createHealthMetrics, type HealthMetrics } from './health-metrics';
import { createQueueDepthGauge, type QueueDepthReader } from './queue-depth-gauge';

export interface DispatcherMetrics {
  readonly eventsDispatched: Counter;
  readonly attemptsCreated: Counter;
  readonly deliveryAttempts: Counter<'outcome' | 'status_class'>;
  readonly deliveryDuration: Histogram<'outcome'>;
  readonly endToEndLatency: Histogram;
  readonly retriesScheduled: Counter<'tier'>;
  readonly deadLettered: Counter<'reason'>;
  readonly deliveriesInFlight: Gauge;
  readonly queueMessages: Gauge<'queue' | 'kind'>;
  readonly messagesRedelivered: Counter<'queue'>;
  readonly deliveriesThrottled: Counter<'reason'>;
  readonly attemptsRecovered: Counter<'reason'>;
  readonly health: HealthMetrics;
}

export interface DispatcherMetricsOptions {
  /** Reads the queue depths at scrape time; without it, hook0_queue_messages stays empty. */
  readonly readQueueDepths?: QueueDepthReader;
  /** Reported as hook0_amqp_connected and hook0_amqp_blocked. */
  readonly broker?: BrokerConnectionState;
}

export function createDispatcherMetrics(registry: Registry, options: DispatcherMetricsOptions = {}): DispatcherMetrics {
  const registers = [registry];
  createBrokerGauges(registry, options.broker);
  const deadLettered = new Counter({
    name: 'hook0_deliveries_dead_lettered_total',
    help: 'Deliveries dead-lettered, by reason',
    labelNames: ['reason'],
    registers,
  });
  for (const reason of DEAD_REASONS) deadLettered.inc({ reason }, 0);
  const deliveriesThrottled = new Counter({
    name: 'hook0_deliveries_throttled_total',
    help: "Claims refused for a subscription's own limits: parked (max_in_flight reached) or deferred (max_deliveries_per_second)",
    labelNames: ['reason'],
    registers,
  });
  for (const reason of ['in_flight', 'rate']) deliveriesThrottled.inc({ reason }, 0);
  const attemptsRecovered = new Counter({
    name: 'hook0_attempts_recovered_total',
    help: 'Attempts announced again by the reconciler: an expired lease, a parked attempt left with room, a lost message',
    labelNames: ['reason'],
    registers,
  });
  for (const reason of ['expired_lease', 'parked', 'lost_message']) attemptsRecovered.inc({ reason }, 0);
  return {
    eventsDispatched: new Counter({ name: 'hook0_events_dispatched_total', help: 'Events fanned out to subscriptions', registers }),
    attemptsCreated: new Counter({
      name: 'hook0_request_attempts_created_total',
      help: 'Request attempt rows created by fan-out',
      registers,
    }),
    deliveryAttempts: new Counter({
      name: 'hook0_delivery_attempts_total',
      help: 'Delivery attempts by outcome and response status class',
      labelNames: ['outcome', 'status_class'],
      registers,
    }),
    deliveryDuration: new Histogram({
      name: 'hook0_delivery_duration_seconds',
      help: 'Duration of one delivery HTTP request',
      labelNames: ['outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
      registers,
    }),
    endToEndLatency: new Histogram({
      name: 'hook0_end_to_end_latency_seconds',
      help: 'From the event received by the API to its successful delivery recorded',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 14400, 86400],
      registers,
    }),
    retriesScheduled: new Counter({
      name: 'hook0_retries_scheduled_total',
      help: 'Retries scheduled, by the wait tier of their delay',
      labelNames: ['tier'],
      registers,
    }),
    deadLettered,
    deliveriesInFlight: new Gauge({ name: 'hook0_deliveries_in_flight', help: 'Deliveries being sent or recorded right now', registers }),
    queueMessages: createQueueDepthGauge(registry, options.readQueueDepths),
    messagesRedelivered: new Counter({
      name: 'hook0_messages_redelivered_total',
      help: 'Messages RabbitMQ delivered again',
      labelNames: ['queue'],
      registers,
    }),
    deliveriesThrottled,
    attemptsRecovered,
    health: createHealthMetrics(registry),
  };
}
