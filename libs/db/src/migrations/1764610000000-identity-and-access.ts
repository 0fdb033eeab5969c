import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users, their organization memberships, their sessions and tokens, and service tokens.
 * Every bearer token is stored only as the SHA-256 of what the client holds (`token_hash`).
 */
export class IdentityAndAccess1764610000000 implements MigrationInterface {
  name = 'IdentityAndAccess1764610000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE app_user (
        user_id uuid PRIMARY KEY,
        email text NOT NULL,
        first_name text NOT NULL,
        last_name text NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        password_changed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));

      CREATE TABLE organization_member (
        organization_id uuid NOT NULL REFERENCES organization (organization_id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (user_id) ON DELETE CASCADE,
        role text NOT NULL CONSTRAINT organization_member_role_chk CHECK (role IN ('editor', 'viewer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, user_id)
      );
      CREATE INDEX organization_member_user_idx ON organization_member (user_id);

      CREATE TABLE user_session (
        session_id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (user_id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
      CREATE INDEX user_session_user_idx ON user_session (user_id) WHERE revoked_at IS NULL;

      CREATE TABLE user_token (
        token_id uuid PRIMARY KEY,
        token_hash bytea NOT NULL CONSTRAINT user_token_hash_key UNIQUE CONSTRAINT user_token_hash_chk CHECK (octet_length(token_hash) = 32),
        session_id uuid NOT NULL REFERENCES user_session (session_id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT user_token_kind_chk CHECK (kind IN ('access', 'refresh')),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      CREATE INDEX user_token_session_idx ON user_token (session_id);
      CREATE INDEX user_token_expires_idx ON user_token (expires_at);

      CREATE TABLE service_token (
        token_id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organization (organization_id) ON DELETE CASCADE,
        name text NOT NULL,
        token_hash bytea NOT NULL CONSTRAINT service_token_hash_key UNIQUE CONSTRAINT service_token_hash_chk CHECK (octet_length(token_hash) = 32),
        token_hint text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expired_at timestamptz
      );
      CREATE INDEX service_token_organization_idx ON service_token (organization_id, created_at) WHERE expired_at IS NULL;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `DROP TABLE service_token; DROP TABLE user_token; DROP TABLE user_session; DROP TABLE organization_member; DROP TABLE app_user;`,
    );
  }
}
