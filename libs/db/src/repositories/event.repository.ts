import type { DataSource } from 'typeorm';
import { MicroBatcher } from '../micro-batcher';
import { PreparedStatement } from '../prepared-statement';
import { STATEMENT_BATCHING } from './statement-batching';
import { EventEntity } from '../entities/event.entity';
import { eventKeyString } from '../event-key';
import { isUniqueViolation } from '../postgres-errors';

export interface NewEvent {
  readonly eventId: string;
  readonly applicationId: string;
  readonly eventTypeName: string;
  readonly payload: Buffer;
  readonly payloadContentType: string;
  readonly ip: string | null;
  readonly metadata: Record<string, string>;
  readonly labels: Record<string, string>;
  readonly occurredAt: Date;
  /** W3C traceparent of the ingest request, stored with the outbox row (docs/observability.md); null outside a trace. */
  readonly traceParent?: string | null;
}

/**
 * What became of an event: `created`; `duplicate` when the application already used its event_id (other applications'
 * ids are no concern of this one); `unknown_event_type` when the event type is unknown or deactivated, or the
 * application is deleted or not in the required organization.
 */
export type InsertEventOutcome = { outcome: 'created'; receivedAt: Date } | { outcome: 'duplicate' } | { outcome: 'unknown_event_type' };

const WITHOUT_PAYLOAD = {
  eventId: true,
  applicationId: true,
  eventTypeName: true,
  payloadContentType: true,
  ip: true,
  metadata: true,
  labels: true,
  occurredAt: true,
  receivedAt: true,
} as const;

/** Inserted in key order, so concurrent batches reusing the same keys wait on each other in one order. */
const INSERT_WITH_OUTBOX = new PreparedStatement<{ eventId: string; applicationId: string; receivedAt: Date }>(
  'hook0_insert_events',
  `WITH input AS (
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bytea[], $5::text[], $6::text[], $7::text[], $8::text[],
                          $9::timestamptz[], $10::uuid[], $11::text[])
              AS i (event_id, application_id, event_type_name, payload, payload_content_type, ip, metadata, labels,
                    occurred_at, organization_id, trace_parent)
   ), inserted AS (
     INSERT INTO event (event_id, application_id, event_type_name, payload, payload_content_type, ip, metadata, labels, occurred_at)
     SELECT i.event_id, i.application_id, i.event_type_name, i.payload, i.payload_content_type, i.ip, i.metadata::jsonb,
            i.labels::jsonb, i.occurred_at
       FROM input AS i
      WHERE EXISTS (SELECT 1 FROM event_type t JOIN application a ON a.application_id = t.application_id
                     WHERE t.application_id = i.application_id AND t.event_type_name = i.event_type_name
                       AND t.deactivated_at IS NULL AND a.deleted_at IS NULL
                       AND (i.organization_id IS NULL OR a.organization_id = i.organization_id))
      ORDER BY i.event_id, i.application_id
     RETURNING event_id, application_id, dispatch_round, received_at
   ), queued AS (
     INSERT INTO event_outbox (event_id, application_id, dispatch_round, trace_parent)
     SELECT n.event_id, n.application_id, n.dispatch_round, i.trace_parent
       FROM inserted AS n JOIN input AS i ON i.event_id = n.event_id AND i.application_id = n.application_id
   )
   SELECT event_id AS "eventId", application_id AS "applicationId", received_at AS "receivedAt" FROM inserted`,
);

/** Larger payloads are inserted alone rather than held in a batch's parameters. */
const BATCHED_PAYLOAD_MAX_BYTES = 64 * 1024;

interface InsertRequest {
  readonly event: NewEvent;
  readonly organizationId: string | null;
}

export class EventRepository {
  private readonly inserts = new MicroBatcher((requests: InsertRequest[]) => this.insertAll(requests), {
    ...STATEMENT_BATCHING,
    key: (request) => eventKeyString(request.event),
  });

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes the event and its outbox row in one statement (so one transaction): once this returns,
   * the event will reach RabbitMQ whatever happens to this process. Only into a live application (in
   * `organizationId` when given) and an active event type. Events ingested together share the statement, and so its
   * commit; a batch failing on one reused event_id is re-run one event at a time, so only that event is a `duplicate`.
   */
  async insertWithOutbox(event: NewEvent, organizationId: string | null = null): Promise<InsertEventOutcome> {
    const request = { event, organizationId };
    try {
      return event.payload.length > BATCHED_PAYLOAD_MAX_BYTES ? (await this.insertAll([request]))[0] : await this.inserts.submit(request);
    } catch (error) {
      if (isUniqueViolation(error, 'event_pkey')) return { outcome: 'duplicate' };
      throw error;
    }
  }

  private async insertAll(requests: InsertRequest[]): Promise<InsertEventOutcome[]> {
    const rows = await INSERT_WITH_OUTBOX.rows(this.dataSource, insertColumns(requests));
    const receivedAt = new Map(rows.map((row) => [eventKeyString(row), row.receivedAt]));
    return requests.map(({ event }) => {
      const at = receivedAt.get(eventKeyString(event));
      return at === undefined ? { outcome: 'unknown_event_type' } : { outcome: 'created', receivedAt: at };
    });
  }

  /** The 100 most recent events of an application, without payloads. */
  listRecent(applicationId: string): Promise<EventEntity[]> {
    return this.dataSource.getRepository(EventEntity).find({
      select: WITHOUT_PAYLOAD,
      where: { applicationId },
      order: { receivedAt: 'DESC' },
      take: 100,
    });
  }

  findInApplication(applicationId: string, eventId: string): Promise<EventEntity | null> {
    return this.dataSource.getRepository(EventEntity).findOneBy({ applicationId, eventId });
  }
}

function insertColumns(requests: InsertRequest[]): unknown[] {
  const events = requests.map((r) => r.event);
  return [
    events.map((e) => e.eventId),
    events.map((e) => e.applicationId),
    events.map((e) => e.eventTypeName),
    events.map((e) => e.payload),
    events.map((e) => e.payloadContentType),
    events.map((e) => e.ip),
    events.map((e) => JSON.stringify(e.metadata)),
    events.map((e) => JSON.stringify(e.labels)),
    events.map((e) => e.occurredAt),
    requests.map((r) => r.organizationId),
    events.map((e) => e.traceParent ?? null),
  ];
}
