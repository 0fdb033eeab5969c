import type { DataSource } from 'typeorm';
import { PreparedStatement } from '../prepared-statement';
import { EventEntity } from '../entities/event.entity';

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
}

/** Not inserted: the event type is unknown or deactivated, or the application is deleted or not in the required organization. */
export type InsertEventResult = { inserted: true; receivedAt: Date } | { inserted: false };

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

const INSERT_WITH_OUTBOX = new PreparedStatement<{ received_at: Date }>(
  'hook0_insert_event',
  `WITH inserted AS (
     INSERT INTO event (event_id, application_id, event_type_name, payload, payload_content_type, ip, metadata, labels, occurred_at)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
      WHERE EXISTS (SELECT 1 FROM event_type t JOIN application a ON a.application_id = t.application_id
                     WHERE t.application_id = $2 AND t.event_type_name = $3 AND t.deactivated_at IS NULL
                       AND a.deleted_at IS NULL AND ($10::uuid IS NULL OR a.organization_id = $10))
     RETURNING event_id, dispatch_round, received_at
   ), queued AS (
     INSERT INTO event_outbox (event_id, dispatch_round) SELECT event_id, dispatch_round FROM inserted
   )
   SELECT received_at FROM inserted`,
);

export class EventRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes the event and its outbox row in one statement (so one transaction): once this returns,
   * the event will reach RabbitMQ whatever happens to this process. Only into a live application (in
   * `organizationId` when given) and an active event type. A reused event_id raises the `event_pkey` unique violation.
   */
  async insertWithOutbox(event: NewEvent, organizationId: string | null = null): Promise<InsertEventResult> {
    const rows = await INSERT_WITH_OUTBOX.rows(this.dataSource, [
      event.eventId,
      event.applicationId,
      event.eventTypeName,
      event.payload,
      event.payloadContentType,
      event.ip,
      JSON.stringify(event.metadata),
      JSON.stringify(event.labels),
      event.occurredAt,
      organizationId,
    ]);
    return rows[0] ? { inserted: true, receivedAt: rows[0].received_at } : { inserted: false };
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
