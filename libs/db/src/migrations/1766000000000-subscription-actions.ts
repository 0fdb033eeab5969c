import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subscription actions (docs/api.md "Subscription actions"):
 * - a rotated subscription keeps its previous secret until `previous_secret_expires_at`, and the dispatcher signs
 *   with both until then;
 * - an outbox row may announce one attempt (`request_attempt_id`) instead of dispatching an event's round, so that a
 *   retried attempt or a test delivery is written and announced in one transaction, like an ingested event.
 */
export class SubscriptionActions1766000000000 implements MigrationInterface {
  name = 'SubscriptionActions1766000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE subscription
        ADD COLUMN previous_secret uuid,
        ADD COLUMN previous_secret_expires_at timestamptz,
        ADD CONSTRAINT subscription_previous_secret_chk CHECK ((previous_secret IS NULL) = (previous_secret_expires_at IS NULL));
      ALTER TABLE event_outbox
        ADD COLUMN request_attempt_id uuid REFERENCES request_attempt (request_attempt_id) ON DELETE CASCADE;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE event_outbox DROP COLUMN request_attempt_id;
      ALTER TABLE subscription DROP CONSTRAINT subscription_previous_secret_chk,
        DROP COLUMN previous_secret_expires_at, DROP COLUMN previous_secret;
    `);
  }
}
