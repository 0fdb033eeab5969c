import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hook0's per-application override of the days of events retention (NULL: the instance default applies), set by an
 * operator in the database as in Hook0; and the indexes housekeeping needs to find what it removes without a scan
 * (the one on the large response table comes next, built concurrently).
 */
export class Housekeeping1765000000000 implements MigrationInterface {
  name = 'Housekeeping1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE application ADD COLUMN days_of_events_retention_limit integer
        CONSTRAINT application_retention_limit_chk CHECK (days_of_events_retention_limit >= 0);
      CREATE INDEX user_session_created_idx ON user_session (created_at);
      CREATE INDEX service_token_expired_idx ON service_token (expired_at) WHERE expired_at IS NOT NULL;
      CREATE INDEX application_deleted_idx ON application (deleted_at) WHERE deleted_at IS NOT NULL;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP INDEX application_deleted_idx;
      DROP INDEX service_token_expired_idx; DROP INDEX user_session_created_idx;
      ALTER TABLE application DROP COLUMN days_of_events_retention_limit;
    `);
  }
}
