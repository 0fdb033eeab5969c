import type { HealthReport } from './health.service';

/** Hook0's health body; RabbitMQ, which Hook0 does not have, is reported in extra keys beside Hook0's own. */
export function toHealthView(report: HealthReport) {
  return {
    database: report.database.ok,
    pulsar: null,
    object_storage: null,
    database_duration_ms: report.database.durationMs,
    pulsar_duration_ms: null,
    object_storage_duration_ms: null,
    total_duration_ms: report.totalDurationMs,
    rabbitmq: report.rabbitmq.ok,
    rabbitmq_duration_ms: report.rabbitmq.durationMs,
  };
}
