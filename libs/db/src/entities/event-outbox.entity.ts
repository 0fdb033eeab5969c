import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Transactional outbox: written with the event, deleted once RabbitMQ confirmed the dispatch message. */
@Entity({ name: 'event_outbox' })
export class EventOutboxEntity {
  @PrimaryGeneratedColumn({ name: 'outbox_id', type: 'bigint' })
  outboxId: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'dispatch_round', type: 'smallint' })
  dispatchRound: number;

  /** W3C traceparent of the request that wrote the row, continued by the relay (docs/observability.md). */
  @Column({ name: 'trace_parent', type: 'text', nullable: true })
  traceParent: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
