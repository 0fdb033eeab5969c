import { Type } from '@sinclair/typebox';
import { AlwaysNull, DateTime, Nullable, Step, Uuid } from './schema-types';

/** Users, organizations, members and the instance (docs/hook0-compatibility.md lists Hook0's shapes). */
export const LoginResponseView = Type.Object(
  {
    access_token: Type.String(),
    access_token_expiration: DateTime,
    refresh_token: Type.String(),
    refresh_token_expiration: DateTime,
    user_id: Uuid,
    email: Type.String(),
    first_name: Type.String(),
    last_name: Type.String(),
  },
  { title: 'LoginResponse' },
);

export const RegistrationView = Type.Object({ organization_id: Uuid, user_id: Uuid }, { title: 'Registration' });

const Role = Type.String({ enum: ['editor', 'viewer'] });

export const OrganizationSummaryView = Type.Object(
  {
    organization_id: Uuid,
    role: Type.String({ description: 'editor or viewer; the master key and service tokens act as editor' }),
    name: Type.String(),
    plan: AlwaysNull,
  },
  { title: 'Organization' },
);

export const OrganizationInfoView = Type.Object(
  {
    organization_id: Uuid,
    name: Type.String(),
    plan: AlwaysNull,
    users: Type.Array(
      Type.Object({ user_id: Uuid, email: Type.String(), first_name: Type.String(), last_name: Type.String(), role: Type.String() }),
    ),
    quotas: Type.Object({
      members_per_organization_limit: Type.Integer(),
      applications_per_organization_limit: Type.Integer(),
      events_per_day_limit: Type.Integer(),
      days_of_events_retention_limit: Type.Integer(),
    }),
    consumption: Type.Object({ members: Type.Integer(), applications: Type.Integer(), events_per_day: Type.Integer() }),
    onboarding_steps: Type.Object({ application: Step, event_type: Step, subscription: Step, event: Step }),
  },
  { title: 'OrganizationInfo' },
);

export const InvitationView = Type.Object({ email: Type.String(), role: Role }, { title: 'Invitation' });
export const RoleChangeView = Type.Object({ user_id: Uuid, role: Role }, { title: 'RoleChange' });
export const MemberRemovalView = Type.Object({ user_id: Uuid }, { title: 'MemberRemoval' });

export const QuotasView = Type.Object(
  {
    enabled: Type.Boolean(),
    limits: Type.Object({
      global_members_per_organization_limit: Type.Integer(),
      global_applications_per_organization_limit: Type.Integer(),
      global_events_per_day_limit: Type.Integer(),
      global_days_of_events_retention_limit: Type.Integer(),
      global_subscriptions_per_application_limit: Type.Integer(),
      global_event_types_per_application_limit: Type.Integer(),
    }),
  },
  { title: 'Quotas' },
);

export const InstanceView = Type.Object(
  {
    biscuit_public_key: Type.String(),
    registration_disabled: Type.Boolean(),
    password_minimum_length: Type.Integer(),
    auto_db_migration: Type.Boolean(),
    application_secret_compatibility: Type.Boolean(),
    quota_enforcement: Type.Boolean(),
    matomo: AlwaysNull,
    formbricks: AlwaysNull,
    support_email_address: Nullable(Type.String()),
    cloudflare_turnstile_site_key: AlwaysNull,
  },
  { title: 'Instance' },
);

export const HealthView = Type.Object(
  {
    database: Type.Boolean(),
    pulsar: AlwaysNull,
    object_storage: AlwaysNull,
    database_duration_ms: Type.Integer(),
    pulsar_duration_ms: AlwaysNull,
    object_storage_duration_ms: AlwaysNull,
    total_duration_ms: Type.Integer(),
    rabbitmq: Type.Boolean(),
    rabbitmq_duration_ms: Type.Integer(),
  },
  { title: 'Health' },
);

export const ProblemView = Type.Object(
  {
    type: Type.String({ format: 'uri' }),
    status: Type.Integer(),
    title: Type.String(),
    detail: Type.String(),
    id: Type.String(),
    validation: Type.Unsafe<unknown>({ type: 'object', nullable: true, description: 'the field tree of a 422 Validation, null otherwise' }),
  },
  { title: 'Problem', description: 'RFC 7807 problem, as Hook0 sends it (GET /errors lists every id).' },
);

export const EnvironmentVariableView = Type.Object(
  {
    name: Type.String(),
    env_var: Type.String(),
    description: Type.String(),
    default: Nullable(Type.String({ description: 'null when there is none, and always for a sensitive variable' })),
    sensitive: Type.Boolean(),
    required: Type.Boolean(),
    group: Type.String(),
  },
  { title: 'EnvironmentVariable' },
);
