import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When the reconciler last re-published an attempt whose message went missing. */
export class Reconciliation1764800000000 implements MigrationInterface {
  name = 'Reconciliation1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE request_attempt ADD COLUMN reconciled_at timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE request_attempt DROP COLUMN reconciled_at`);
  }
}
