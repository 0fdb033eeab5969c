import type { Histogram } from 'prom-client';
import { createApiMetrics } from './api-metrics';
import { createDispatcherMetrics } from './dispatcher-metrics';
import { createRegistry } from './metrics';

async function exported(service: 'api' | 'dispatcher') {
  const registry = createRegistry(service);
  if (service === 'api') createApiMetrics(registry);
  else createDispatcherMetrics(registry);
  return registry.getMetricsAsJSON();
}

const own = (metrics: Awaited<ReturnType<typeof exported>>) =>
  Object.fromEntries(metrics.filter((metric) => !/^(process|nodejs)_/.test(metric.name)).map((metric) => [metric.name, metric.type]));

describe('exported metrics', () => {
  it.each([
    [
      'api',
      {
        hook0_http_request_duration_seconds: 'histogram',
        hook0_events_ingested_total: 'counter',
        hook0_outbox_published_total: 'counter',
        hook0_outbox_backlog: 'gauge',
        hook0_outbox_oldest_age_seconds: 'gauge',
        hook0_housekeeping_rows_total: 'counter',
        hook0_housekeeping_last_success_timestamp_seconds: 'gauge',
        hook0_amqp_connected: 'gauge',
        hook0_amqp_blocked: 'gauge',
      },
    ],
    [
      'dispatcher',
      {
        hook0_events_dispatched_total: 'counter',
        hook0_request_attempts_created_total: 'counter',
        hook0_delivery_attempts_total: 'counter',
        hook0_delivery_duration_seconds: 'histogram',
        hook0_end_to_end_latency_seconds: 'histogram',
        hook0_retries_scheduled_total: 'counter',
        hook0_deliveries_dead_lettered_total: 'counter',
        hook0_deliveries_in_flight: 'gauge',
        hook0_queue_messages: 'gauge',
        hook0_messages_redelivered_total: 'counter',
        hook0_deliveries_throttled_total: 'counter',
        hook0_attempts_recovered_total: 'counter',
        hook0_subscription_health_transitions_total: 'counter',
        hook0_subscriptions_disabled: 'gauge',
        hook0_deliveries_held_total: 'counter',
        hook0_subscription_probes_total: 'counter',
        hook0_deliveries_released_total: 'counter',
        hook0_amqp_connected: 'gauge',
        hook0_amqp_blocked: 'gauge',
      },
    ],
  ] as const)('are, for the %s, exactly these besides the process metrics', async (service, expected) => {
    expect(own(await exported(service))).toEqual(expected);
  });

  it('include the default process metrics under their standard names, labelled by service', async () => {
    const metrics = await exported('dispatcher');
    const names = metrics.map((metric) => metric.name);
    for (const name of [
      'nodejs_eventloop_lag_seconds',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_gc_duration_seconds',
      'process_cpu_seconds_total',
    ]) {
      expect(names).toContain(name);
    }
    const lag = metrics.find((metric) => metric.name === 'nodejs_eventloop_lag_seconds');
    expect(lag?.values[0].labels).toMatchObject({ service: 'dispatcher' });
  });

  it('start every ingest outcome and dead-letter reason at zero, so that the first one shows in a rate', async () => {
    const api = await exported('api');
    const ingested = api.find((metric) => metric.name === 'hook0_events_ingested_total');
    expect(ingested?.values.map((value) => [value.labels.outcome, value.value])).toEqual([
      ['accepted', 0],
      ['duplicate', 0],
      ['invalid', 0],
      ['unauthorized', 0],
      ['throttled', 0],
      ['backlog_full', 0],
      ['unavailable', 0],
    ]);
    const dead = (await exported('dispatcher')).find((metric) => metric.name === 'hook0_deliveries_dead_lettered_total');
    expect(dead?.values.map((value) => value.labels.reason)).toEqual(['retries_exhausted', 'invalid_header']);
  });

  it('use the delivery duration buckets from 5 ms to 30 s and the end-to-end buckets from 50 ms to a day', async () => {
    const metrics = createDispatcherMetrics(createRegistry('dispatcher'));
    metrics.deliveryDuration.observe({ outcome: 'success' }, 0.1);
    const bounds = async (histogram: Histogram<string>) =>
      (await histogram.get()).values
        .filter((value) => value.metricName?.endsWith('_bucket') && value.labels.le !== '+Inf')
        .map((value) => Number(value.labels.le));
    const delivery = await bounds(metrics.deliveryDuration);
    expect([delivery[0], delivery.at(-1)]).toEqual([0.005, 30]);
    const endToEnd = await bounds(metrics.endToEndLatency);
    expect([endToEnd[0], endToEnd.at(-1)]).toEqual([0.05, 86_400]);
  });

  it('report the RabbitMQ connection as it is at scrape time: connected, then blocked by an alarm', async () => {
    const registry = createRegistry('api');
    const broker = { connected: true, blocked: false, isConnected: () => broker.connected, isBlocked: () => broker.blocked };
    createApiMetrics(registry, { broker });
    const flags = async () => {
      const metrics = await registry.getMetricsAsJSON();
      return Object.fromEntries(
        ['hook0_amqp_connected', 'hook0_amqp_blocked'].map((name) => [
          name,
          metrics.find((metric) => metric.name === name)?.values[0]?.value,
        ]),
      );
    };
    expect(await flags()).toEqual({ hook0_amqp_connected: 1, hook0_amqp_blocked: 0 });
    broker.blocked = true;
    expect(await flags()).toEqual({ hook0_amqp_connected: 1, hook0_amqp_blocked: 1 });
    broker.connected = false;
    broker.blocked = false;
    expect(await flags()).toEqual({ hook0_amqp_connected: 0, hook0_amqp_blocked: 0 });
  });
});
