import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replays by query (docs/api.md "Replays"): the replay, the deliveries it matched when it was created (one row per
 * event and subscription, in the order they are scheduled), and each application's replay rate state, shared by
 * every dispatcher: the row is locked while one of them schedules, so replicas never schedule the same item twice.
 */
export class Replays1766100000000 implements MigrationInterface {
  name = 'Replays1766100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE replay (
        replay_id uuid PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES application (application_id) ON DELETE CASCADE,
        status text NOT NULL CONSTRAINT replay_status_chk CHECK (status IN ('running', 'completed', 'cancelled')),
        attempt_status text NOT NULL CONSTRAINT replay_attempt_status_chk CHECK (attempt_status IN ('failed', 'exhausted', 'any')),
        from_at timestamptz NOT NULL,
        to_at timestamptz NOT NULL,
        subscription_ids uuid[],
        event_types text[],
        matched integer NOT NULL,
        events integer NOT NULL,
        scheduled integer NOT NULL DEFAULT 0,
        skipped integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      );
      CREATE INDEX replay_running_idx ON replay (application_id, created_at) WHERE status = 'running';

      CREATE TABLE replay_item (
        replay_id uuid NOT NULL REFERENCES replay (replay_id) ON DELETE CASCADE,
        position integer NOT NULL,
        event_id uuid NOT NULL,
        subscription_id uuid NOT NULL REFERENCES subscription (subscription_id) ON DELETE CASCADE,
        outcome text CONSTRAINT replay_item_outcome_chk CHECK (outcome IN ('scheduled', 'skipped')),
        -- The dispatch round the replay gave the event: its attempts for the subscription are this item's deliveries.
        dispatch_round smallint,
        PRIMARY KEY (replay_id, position)
      );
      CREATE INDEX replay_item_unscheduled_idx ON replay_item (replay_id, position) WHERE outcome IS NULL;

      CREATE TABLE replay_rate (
        application_id uuid PRIMARY KEY REFERENCES application (application_id) ON DELETE CASCADE,
        -- GCRA's theoretical arrival time: when the next re-delivery would be due at REPLAY_RATE.
        tat timestamptz NOT NULL
      );
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE replay_rate; DROP TABLE replay_item; DROP TABLE replay;`);
  }
}
