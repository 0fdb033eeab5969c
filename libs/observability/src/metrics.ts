import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One registry per process (tests build several), with prom-client's default process metrics under their standard
 * names (`process_*`, `nodejs_*`), so the usual Node.js dashboards work; this project's own metrics are `hook0_*`.
 */
export function createRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
