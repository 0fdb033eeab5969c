import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'event_type' })
export class EventTypeEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @PrimaryColumn({ name: 'event_type_name', type: 'text' })
  eventTypeName: string;

  @Column({ name: 'service_name', type: 'text' })
  serviceName: string;

  @Column({ name: 'resource_type_name', type: 'text' })
  resourceTypeName: string;

  @Column({ name: 'verb_name', type: 'text' })
  verbName: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;
}
