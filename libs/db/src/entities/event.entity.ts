import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Keyed by (event_id, application_id): an event_id is unique within its application only. */
@Entity({ name: 'event' })
export class EventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'event_type_name', type: 'text' })
  eventTypeName: string;

  @Column({ name: 'payload', type: 'bytea' })
  payload: Buffer;

  @Column({ name: 'payload_content_type', type: 'text' })
  payloadContentType: string;

  @Column({ name: 'ip', type: 'text', nullable: true })
  ip: string | null;

  @Column({ name: 'metadata', type: 'jsonb' })
  metadata: Record<string, string>;

  @Column({ name: 'labels', type: 'jsonb' })
  labels: Record<string, string>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'statement_timestamp()' })
  receivedAt: Date;

  /** Incremented by each replay; attempts of one round are unique per subscription and retry. */
  @Column({ name: 'dispatch_round', type: 'smallint', default: 0 })
  dispatchRound: number;
}
