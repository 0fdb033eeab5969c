import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764400000000 implements MigrationInterface {
  name = 'InitialSchema1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE organization (
        organization_id uuid PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE application (
        application_id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organization (organization_id) ON DELETE CASCADE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      );
      CREATE INDEX application_organization_idx ON application (organization_id) WHERE deleted_at IS NULL;

      CREATE TABLE application_secret (
        token uuid PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES application (application_id) ON DELETE CASCADE,
        name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      );
      CREATE INDEX application_secret_application_idx ON application_secret (application_id, created_at);

      CREATE TABLE event_type (
        application_id uuid NOT NULL REFERENCES application (application_id) ON DELETE CASCADE,
        event_type_name text NOT NULL,
        service_name text NOT NULL,
        resource_type_name text NOT NULL,
        verb_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        deactivated_at timestamptz,
        PRIMARY KEY (application_id, event_type_name)
      );

      CREATE TABLE event (
        event_id uuid PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES application (application_id) ON DELETE CASCADE,
        event_type_name text NOT NULL,
        payload bytea NOT NULL,
        payload_content_type text NOT NULL,
        ip text,
        metadata jsonb NOT NULL DEFAULT '{}',
        labels jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT statement_timestamp(),
        dispatch_round smallint NOT NULL DEFAULT 0,
        CONSTRAINT event_event_type_fkey FOREIGN KEY (application_id, event_type_name)
          REFERENCES event_type (application_id, event_type_name)
      );
      CREATE INDEX event_application_received_idx ON event (application_id, received_at DESC);

      CREATE TABLE event_outbox (
        outbox_id bigserial PRIMARY KEY,
        event_id uuid NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
        dispatch_round smallint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE subscription (
        subscription_id uuid PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES application (application_id) ON DELETE CASCADE,
        is_enabled boolean NOT NULL,
        description text,
        secret uuid NOT NULL,
        metadata jsonb NOT NULL DEFAULT '{}',
        labels jsonb NOT NULL CHECK (labels <> '{}'::jsonb),
        event_types text[] NOT NULL,
        target_method text NOT NULL,
        target_url text NOT NULL,
        target_headers jsonb NOT NULL DEFAULT '{}',
        retry_schedule_ms integer[],
        max_retries integer,
        dedicated_workers text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      );
      CREATE INDEX subscription_dispatch_idx ON subscription USING gin (event_types)
        WHERE deleted_at IS NULL AND is_enabled;
      CREATE INDEX subscription_application_idx ON subscription (application_id, created_at) WHERE deleted_at IS NULL;

      CREATE TABLE response (
        response_id uuid PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES application (application_id) ON DELETE CASCADE,
        response_error_name text,
        http_code smallint,
        headers jsonb,
        body text,
        elapsed_time_ms integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE request_attempt (
        request_attempt_id uuid PRIMARY KEY,
        event_id uuid NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
        subscription_id uuid NOT NULL REFERENCES subscription (subscription_id) ON DELETE CASCADE,
        application_id uuid NOT NULL REFERENCES application (application_id) ON DELETE CASCADE,
        dispatch_round smallint NOT NULL,
        retry_count smallint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        delay_until timestamptz,
        picked_at timestamptz,
        lease_expires_at timestamptz,
        worker_name text,
        succeeded_at timestamptz,
        failed_at timestamptz,
        response_id uuid REFERENCES response (response_id) ON DELETE SET NULL,
        CONSTRAINT request_attempt_status_exclusive CHECK (succeeded_at IS NULL OR failed_at IS NULL),
        CONSTRAINT request_attempt_once UNIQUE (event_id, subscription_id, dispatch_round, retry_count)
      );
      CREATE INDEX request_attempt_listing_idx ON request_attempt (application_id, created_at DESC, request_attempt_id);
      CREATE INDEX request_attempt_subscription_idx ON request_attempt (subscription_id, created_at DESC);
      CREATE INDEX request_attempt_pending_idx ON request_attempt (created_at)
        WHERE succeeded_at IS NULL AND failed_at IS NULL;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP TABLE request_attempt; DROP TABLE response; DROP TABLE subscription; DROP TABLE event_outbox;
      DROP TABLE event; DROP TABLE event_type; DROP TABLE application_secret; DROP TABLE application; DROP TABLE organization;
    `);
  }
}
