import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The highest dispatch round fan-out has completed, so a lost dispatch message can be found and sent again. */
export class DispatchReconciliation1764900000000 implements MigrationInterface {
  name = 'DispatchReconciliation1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE event ADD COLUMN dispatched_round smallint, ADD COLUMN dispatch_reconciled_at timestamptz;
      UPDATE event SET dispatched_round = dispatch_round;
      CREATE INDEX event_undispatched_idx ON event (received_at) WHERE dispatched_round IS DISTINCT FROM dispatch_round;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP INDEX event_undispatched_idx;
      ALTER TABLE event DROP COLUMN dispatch_reconciled_at, DROP COLUMN dispatched_round;
    `);
  }
}
