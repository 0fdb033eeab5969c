import { randomUUID } from 'node:crypto';

/** Anything that runs a parameterized query the way `pg` does (Client, Pool, PoolClient). */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface ApplicationFixture {
  readonly organizationId: string;
  readonly applicationId: string;
}

export interface SubscriptionFixture {
  readonly subscriptionId: string;
  readonly applicationId: string;
  readonly secret: string;
}

export interface EventFixture {
  readonly eventId: string;
  readonly applicationId: string;
  readonly eventTypeName: string;
  readonly dispatchRound: number;
}

export async function createOrganization(db: Queryable, name = 'Test organization'): Promise<string> {
  const organizationId = randomUUID();
  await db.query('INSERT INTO organization (organization_id, name) VALUES ($1, $2)', [organizationId, name]);
  return organizationId;
}

export async function createApplication(
  db: Queryable,
  options: { organizationId?: string; name?: string; deletedAt?: Date | null } = {},
): Promise<ApplicationFixture> {
  const organizationId = options.organizationId ?? (await createOrganization(db));
  const applicationId = randomUUID();
  await db.query('INSERT INTO application (application_id, organization_id, name, deleted_at) VALUES ($1, $2, $3, $4)', [
    applicationId,
    organizationId,
    options.name ?? 'Test application',
    options.deletedAt ?? null,
  ]);
  return { organizationId, applicationId };
}

/** Idempotent: an event type that exists already is left as it is. `name` is `service.resource.verb`. */
export async function createEventType(db: Queryable, applicationId: string, name: string): Promise<string> {
  const [service, resource, ...verb] = name.split('.');
  await db.query(
    `INSERT INTO event_type (application_id, event_type_name, service_name, resource_type_name, verb_name)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [applicationId, name, service, resource ?? '', verb.join('.')],
  );
  return name;
}

export interface SubscriptionOptions {
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly labels?: Record<string, string>;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly isEnabled?: boolean;
  readonly deletedAt?: Date | null;
  readonly secret?: string;
  readonly retryScheduleMs?: readonly number[] | null;
  readonly maxRetries?: number | null;
  readonly maxInFlight?: number | null;
  readonly maxDeliveriesPerSecond?: number | null;
}

export async function createSubscription(db: Queryable, applicationId: string, options: SubscriptionOptions): Promise<SubscriptionFixture> {
  const subscriptionId = randomUUID();
  const secret = options.secret ?? randomUUID();
  for (const name of options.eventTypes) await createEventType(db, applicationId, name);
  await db.query(
    `INSERT INTO subscription (subscription_id, application_id, is_enabled, secret, labels, event_types, target_method,
                               target_url, target_headers, retry_schedule_ms, max_retries, deleted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      subscriptionId,
      applicationId,
      options.isEnabled ?? true,
      secret,
      JSON.stringify(options.labels ?? { env: 'test' }),
      options.eventTypes,
      options.method ?? 'POST',
      options.url,
      JSON.stringify(options.headers ?? {}),
      options.retryScheduleMs ?? null,
      options.maxRetries ?? null,
      options.deletedAt ?? null,
    ],
  );
  // Set apart, so that tests of migrations older than these columns can still make subscriptions.
  if (options.maxInFlight != null || options.maxDeliveriesPerSecond != null) {
    await db.query('UPDATE subscription SET max_in_flight = $2, max_deliveries_per_second = $3 WHERE subscription_id = $1', [
      subscriptionId,
      options.maxInFlight ?? null,
      options.maxDeliveriesPerSecond ?? null,
    ]);
  }
  return { subscriptionId, applicationId, secret };
}

export interface EventOptions {
  readonly eventTypeName: string;
  /** The stored bytes (for base64 payloads: already decoded). */
  readonly payload?: Buffer | string;
  readonly contentType?: 'application/json' | 'text/plain' | 'application/octet-stream+base64';
  readonly labels?: Record<string, string>;
  readonly dispatchRound?: number;
  readonly eventId?: string;
  /** Defaults to now. */
  readonly occurredAt?: Date;
}

/** Inserts an event (and its event type when missing); no outbox row: tests publish the dispatch message themselves. */
export async function createEvent(db: Queryable, applicationId: string, options: EventOptions): Promise<EventFixture> {
  const eventId = options.eventId ?? randomUUID();
  const dispatchRound = options.dispatchRound ?? 0;
  await createEventType(db, applicationId, options.eventTypeName);
  const payload = options.payload ?? '{"test":true}';
  await db.query(
    `INSERT INTO event (event_id, application_id, event_type_name, payload, payload_content_type, labels, occurred_at, dispatch_round)
     VALUES ($1, $2, $3, $4, $5, $6, coalesce($8, now()), $7)`,
    [
      eventId,
      applicationId,
      options.eventTypeName,
      Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'utf8'),
      options.contentType ?? 'application/json',
      JSON.stringify(options.labels ?? { env: 'test' }),
      dispatchRound,
      options.occurredAt ?? null,
    ],
  );
  return { eventId, applicationId, eventTypeName: options.eventTypeName, dispatchRound };
}
