import { Type } from '@sinclair/typebox';
import { DateTime, Nullable, StringMap, stringMap, Tag, Uuid } from './schema-types';

/** Subscriptions and request attempts (docs/hook0-compatibility.md "Subscriptions", "Request attempts"). */
const SubscriptionHealthView = Type.Object(
  {
    status: Type.String({ enum: ['healthy', 'failing', 'disabled'] }),
    since: DateTime,
    consecutive_failures: Type.Integer(),
    last_success_at: Nullable(DateTime),
    last_failure_at: Nullable(DateTime),
    disabled_reason: Type.Unsafe<'gone' | 'failing' | null>({ type: 'string', enum: ['gone', 'failing', null], nullable: true }),
    next_probe_at: Nullable(DateTime),
  },
  {
    title: 'SubscriptionHealth',
    description: 'extension: disabled by health leaves is_enabled as set; deliveries wait until a probe succeeds',
  },
);

export const SubscriptionView = Type.Object(
  {
    application_id: Uuid,
    subscription_id: Uuid,
    is_enabled: Type.Boolean(),
    event_types: Type.Array(Type.String()),
    description: Nullable(Type.String()),
    secret: Nullable(Type.String({ description: 'null for a caller who may only read' })),
    metadata: StringMap,
    label_key: Nullable(Type.String()),
    label_value: Nullable(Type.String()),
    labels: StringMap,
    target: Type.Object({
      type: Type.String({ enum: ['http'] }),
      method: Type.String(),
      url: Type.String({ description: 'its password masked for a caller who may only read' }),
      headers: stringMap('values masked for a caller who may only read'),
    }),
    created_at: DateTime,
    updated_at: Nullable(DateTime),
    dedicated_workers: Type.Array(Type.String()),
    standard_webhooks_secret: Nullable(Type.String({ description: 'whsec_ form of the secret (extension)' })),
    retry_schedule: Nullable(Type.Array(Type.String(), { description: 'extension' })),
    max_retries: Nullable(Type.Integer({ description: 'extension' })),
    max_in_flight: Nullable(Type.Integer({ description: 'extension' })),
    max_deliveries_per_second: Nullable(Type.Number({ description: 'extension' })),
    health: SubscriptionHealthView,
  },
  { title: 'Subscription' },
);

/** A rotation's answer (docs/security.md "Secret rotation"): the subscription with its new secret, and when the old one stops signing. */
export const RotatedSubscriptionView = Type.Object(
  {
    ...SubscriptionView.properties,
    previous_secret_expires_at: Nullable(DateTime),
  },
  { title: 'RotatedSubscription' },
);

const AttemptStatus = Type.Union([
  Type.Object({ type: Tag('failed'), at: Nullable(DateTime), full_processing_ms: Type.Integer() }),
  Type.Object({ type: Tag('successful'), at: Nullable(DateTime), full_processing_ms: Type.Integer() }),
  Type.Object({ type: Tag('inprogress'), since: Nullable(DateTime) }),
  Type.Object({ type: Tag('waiting'), since: DateTime, until: Nullable(DateTime) }),
  Type.Object({ type: Tag('pending'), since: DateTime }),
]);

export const RequestAttemptView = Type.Object(
  {
    request_attempt_id: Uuid,
    event_id: Uuid,
    event: Type.Object({ event_id: Uuid, event_type_name: Type.String() }),
    subscription: Type.Object({ subscription_id: Uuid, description: Nullable(Type.String()) }),
    created_at: DateTime,
    picked_at: Nullable(DateTime),
    failed_at: Nullable(DateTime),
    succeeded_at: Nullable(DateTime),
    delay_until: Nullable(DateTime),
    response_id: Nullable(Uuid),
    retry_count: Type.Integer(),
    http_response_status: Nullable(Type.Integer()),
    status: AttemptStatus,
  },
  { title: 'RequestAttempt' },
);
