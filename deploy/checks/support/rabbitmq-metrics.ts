import { readFileSync } from 'node:fs';
import { repoPath } from './repo-path';

/** Captured from a live broker by fixtures/capture-rabbitmq-metrics.sh. */
export const RABBITMQ_METRICS_FIXTURE = repoPath('deploy/checks/fixtures/rabbitmq-metrics.txt');

/** Metric names RabbitMQ's rabbitmq_prometheus plugin exposes on /metrics and /metrics/per-object. */
export function rabbitmqPluginMetricNames(): ReadonlySet<string> {
  const lines = readFileSync(RABBITMQ_METRICS_FIXTURE, 'utf8')
    .split('\n')
    .map((line) => line.trim());
  return new Set(lines.filter((line) => line !== '' && !line.startsWith('#')));
}
