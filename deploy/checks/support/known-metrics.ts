import { exportedMetricNames } from './exported-metrics';
import { metricNamesIn } from './promql';
import { rabbitmqPluginMetricNames } from './rabbitmq-metrics';

/** Prometheus writes `up` for every scrape target itself. */
const SCRAPE_SERIES = ['up'];

/** Names a query may select: exported by our services or RabbitMQ's plugin, written by a scrape, or recorded by our rules. */
export function knownMetricNames(recorded: Iterable<string> = []): ReadonlySet<string> {
  return new Set([...exportedMetricNames(), ...rabbitmqPluginMetricNames(), ...SCRAPE_SERIES, ...recorded]);
}

export function unknownMetricNames(expr: string, known: ReadonlySet<string>): string[] {
  return metricNamesIn(expr).filter((name) => !known.has(name));
}
