import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lets housekeeping find an application's responses without a scan. `response` is the largest table, so the index is
 * built CONCURRENTLY, which writes keep flowing during and which cannot run inside a transaction.
 */
export class ResponseApplicationIndex1765000000001 implements MigrationInterface {
  name = 'ResponseApplicationIndex1765000000001';
  transaction = false;

  async up(runner: QueryRunner): Promise<void> {
    // A build interrupted half way leaves an INVALID index behind: drop it so the build starts over.
    await runner.query(`DROP INDEX CONCURRENTLY IF EXISTS response_application_idx`);
    await runner.query(`CREATE INDEX CONCURRENTLY response_application_idx ON response (application_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX CONCURRENTLY IF EXISTS response_application_idx`);
  }
}
