import { Type } from '@sinclair/typebox';
import { DateTime, Nullable, Step, StringMap, Uuid } from './schema-types';

/** The response bodies of the resource routes, one schema each (docs/hook0-compatibility.md lists Hook0's shapes). */
export const ApplicationView = Type.Object({ application_id: Uuid, organization_id: Uuid, name: Type.String() }, { title: 'Application' });

export const ApplicationInfoView = Type.Object(
  {
    application_id: Uuid,
    organization_id: Uuid,
    name: Type.String(),
    quotas: Type.Object({ events_per_day_limit: Type.Integer(), days_of_events_retention_limit: Type.Integer() }),
    consumption: Type.Object({ events_per_day: Type.Integer() }),
    onboarding_steps: Type.Object({ event_type: Step, subscription: Step, event: Step }),
  },
  { title: 'ApplicationInfo' },
);

export const ApplicationSecretView = Type.Object(
  { name: Nullable(Type.String()), token: Uuid, created_at: DateTime, deleted_at: Nullable(DateTime) },
  { title: 'ApplicationSecret' },
);

export const EventTypeView = Type.Object(
  { service_name: Type.String(), resource_type_name: Type.String(), verb_name: Type.String(), event_type_name: Type.String() },
  { title: 'EventType' },
);

const eventFields = {
  event_id: Uuid,
  event_type_name: Type.String(),
  payload_content_type: Type.String(),
  ip: Nullable(Type.String()),
  metadata: Nullable(StringMap),
  occurred_at: DateTime,
  received_at: DateTime,
  labels: StringMap,
};

export const EventSummaryView = Type.Object(eventFields, { title: 'EventSummary' });

export const EventView = Type.Object(
  { ...eventFields, payload: Type.String({ description: 'the stored bytes, base64' }) },
  { title: 'Event' },
);

export const IngestedEventView = Type.Object({ application_id: Uuid, event_id: Uuid, received_at: DateTime }, { title: 'IngestedEvent' });

export const EventsPerDayView = Type.Object(
  {
    application_id: Uuid,
    application_name: Nullable(Type.String()),
    date: Type.String({ format: 'date' }),
    amount: Type.Integer(),
    is_provisional: Type.Boolean(),
  },
  { title: 'EventsPerDay' },
);

export const ResponseView = Type.Object(
  {
    response_id: Uuid,
    response_error_name: Nullable(Type.String()),
    http_code: Nullable(Type.Integer()),
    headers: Nullable(StringMap),
    body: Nullable(Type.String()),
    elapsed_time_ms: Type.Integer(),
  },
  { title: 'Response' },
);

export const ServiceTokenView = Type.Object(
  {
    token_id: Uuid,
    name: Type.String(),
    biscuit: Type.String({ description: 'the token in the creation response, its hint afterwards' }),
    created_at: DateTime,
  },
  { title: 'ServiceToken' },
);
