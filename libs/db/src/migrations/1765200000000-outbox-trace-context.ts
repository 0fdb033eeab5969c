import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The W3C `traceparent` of the request that wrote an outbox row, so that the relay publishing it later continues the
 * same trace (docs/observability.md, "Tracing"). Null when tracing is off or the row was written outside a trace.
 */
export class OutboxTraceContext1765200000000 implements MigrationInterface {
  name = 'OutboxTraceContext1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE event_outbox ADD COLUMN trace_parent text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE event_outbox DROP COLUMN trace_parent`);
  }
}
