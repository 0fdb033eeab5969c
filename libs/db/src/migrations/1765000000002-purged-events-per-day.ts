import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events received per application and UTC day, of the events housekeeping deleted: events_per_day adds them to what
 * the event table still holds, so retention does not rewrite history (Hook0 keeps such counts too).
 */
export class PurgedEventsPerDay1765000000002 implements MigrationInterface {
  name = 'PurgedEventsPerDay1765000000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE purged_events_per_day (
        application_id uuid NOT NULL REFERENCES application (application_id) ON DELETE CASCADE,
        day date NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        PRIMARY KEY (application_id, day)
      )
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE purged_events_per_day');
  }
}
