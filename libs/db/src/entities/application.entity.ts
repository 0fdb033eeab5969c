import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'application' })
export class ApplicationEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  /** Hook0's per-application retention override, in days; null: the instance default. */
  @Column({ name: 'days_of_events_retention_limit', type: 'integer', nullable: true })
  daysOfEventsRetentionLimit: number | null;
}
