import { createApiMetrics, createDispatcherMetrics, createRegistry, createReplayMetrics } from '@hook0/observability';

/** The series names Prometheus stores for one metric: a classic histogram has no series under its bare name. */
export function seriesNames(name: string, type: string): string[] {
  if (type === 'histogram') return [`${name}_bucket`, `${name}_sum`, `${name}_count`];
  if (type === 'summary') return [name, `${name}_sum`, `${name}_count`];
  return [name];
}

/** Every series name the API and the dispatcher export, built from the same registries their main.ts builds. */
export function exportedMetricNames(): ReadonlySet<string> {
  const api = createRegistry('api');
  createApiMetrics(api);
  const dispatcher = createRegistry('dispatcher');
  createDispatcherMetrics(dispatcher);
  createReplayMetrics(dispatcher);
  // getMetricsAsArray lists what is registered without running collect callbacks (a queue gauge asks RabbitMQ).
  const metrics = [...api.getMetricsAsArray(), ...dispatcher.getMetricsAsArray()];
  // prom-client's typings declare a numeric enum; at run time the type is 'counter', 'gauge', 'histogram' or 'summary'.
  return new Set(metrics.flatMap((metric) => seriesNames(metric.name, String(metric.type))));
}
