import { collectDefaultMetrics, Registry } from 'prom-client';

/** One registry per process (tests build several), with the default process metrics every service shares. */
export function createRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: 'hook0_' });
  return registry;
}
