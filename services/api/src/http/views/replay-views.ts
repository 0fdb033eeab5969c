import { Type } from '@sinclair/typebox';
import { DateTime, Nullable, Uuid } from './schema-types';

/** Replays by query and subscription stats (extensions: docs/api.md "Replays", "Subscription stats"). */
export const ReplayCreatedView = Type.Object(
  {
    replay_id: Nullable(Type.String({ format: 'uuid', description: 'null for a dry run' })),
    matched: Type.Integer({ description: 'deliveries: (event, subscription) pairs matched' }),
    events: Type.Integer({ description: 'distinct events among them, what counts against the events-per-day quota' }),
    status: Type.String({ enum: ['running', 'completed', 'dry_run'] }),
  },
  { title: 'ReplayCreated' },
);

export const ReplayView = Type.Object(
  {
    replay_id: Uuid,
    application_id: Uuid,
    status: Type.String({ enum: ['running', 'completed', 'cancelled'] }),
    query: Type.Object({
      from: DateTime,
      to: DateTime,
      subscription_ids: Nullable(Type.Array(Uuid)),
      event_types: Nullable(Type.Array(Type.String())),
      status: Type.String({ enum: ['failed', 'exhausted', 'any'] }),
    }),
    matched: Type.Integer(),
    events: Type.Integer(),
    scheduled: Type.Integer({ description: 'deliveries given their first attempt so far' }),
    skipped: Type.Integer({ description: 'deliveries given up: event purged, subscription disabled or deleted since, event mid-dispatch' }),
    delivered: Type.Integer({ description: 'scheduled deliveries that succeeded (first attempt or a retry)' }),
    created_at: DateTime,
    finished_at: Nullable(DateTime),
  },
  { title: 'Replay' },
);

const Figures = {
  attempts: Type.Object({ successful: Type.Integer(), failed: Type.Integer(), pending: Type.Integer() }),
  success_rate: Nullable(Type.Number({ description: 'successful / (successful + failed); null when none finished' })),
  latency_ms: Type.Object({ p50: Nullable(Type.Number()), p95: Nullable(Type.Number()) }),
};

export const SubscriptionStatsView = Type.Object(
  {
    subscription_id: Uuid,
    period: Type.String({ enum: ['1h', '24h', '7d', '30d'] }),
    ...Figures,
    bucket: Type.Optional(Type.String({ enum: ['1m', '1h', '1d'] })),
    buckets: Type.Optional(Type.Array(Type.Object({ start: DateTime, ...Figures }))),
  },
  { title: 'SubscriptionStats' },
);
