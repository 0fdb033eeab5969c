import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subscription health (docs/guarantees.md, "Subscription health"): each subscription's failure streak and state, and
 * the attempts held for a subscription disabled by health. A held attempt is pending, unleased and due at the
 * subscription's next probe; it is sent once the subscription recovers, oldest event first.
 */
export class SubscriptionHealth1766200000000 implements MigrationInterface {
  name = 'SubscriptionHealth1766200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE subscription_health (
        subscription_id uuid PRIMARY KEY REFERENCES subscription (subscription_id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'healthy' CONSTRAINT subscription_health_status_chk CHECK (status IN ('healthy', 'failing', 'disabled')),
        since timestamptz NOT NULL DEFAULT now(),
        consecutive_failures integer NOT NULL DEFAULT 0,
        -- The first failure of the current streak: the streak disables once it is SUBSCRIPTION_DISABLE_AFTER old.
        failing_since timestamptz,
        last_success_at timestamptz,
        last_failure_at timestamptz,
        disabled_reason text CONSTRAINT subscription_health_reason_chk CHECK (disabled_reason IN ('gone', 'failing')),
        next_probe_at timestamptz,
        probe_interval_ms bigint
      );
      CREATE INDEX subscription_health_probe_idx ON subscription_health (next_probe_at) WHERE status = 'disabled';

      ALTER TABLE request_attempt ADD COLUMN held_at timestamptz;
      CREATE INDEX request_attempt_held_idx ON request_attempt (subscription_id, created_at, request_attempt_id)
        WHERE held_at IS NOT NULL AND succeeded_at IS NULL AND failed_at IS NULL;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP INDEX request_attempt_held_idx;
      ALTER TABLE request_attempt DROP COLUMN held_at;
      DROP TABLE subscription_health;
    `);
  }
}
