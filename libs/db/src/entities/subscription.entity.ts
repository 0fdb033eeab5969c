import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'subscription' })
export class SubscriptionEntity {
  @PrimaryColumn({ name: 'subscription_id', type: 'uuid' })
  subscriptionId: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'is_enabled', type: 'boolean' })
  isEnabled: boolean;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'secret', type: 'uuid' })
  secret: string;

  @Column({ name: 'metadata', type: 'jsonb' })
  metadata: Record<string, string>;

  @Column({ name: 'labels', type: 'jsonb' })
  labels: Record<string, string>;

  @Column({ name: 'event_types', type: 'text', array: true })
  eventTypes: string[];

  @Column({ name: 'target_method', type: 'text' })
  targetMethod: string;

  @Column({ name: 'target_url', type: 'text' })
  targetUrl: string;

  @Column({ name: 'target_headers', type: 'jsonb' })
  targetHeaders: Record<string, string>;

  /** Extension: this subscription's own retry schedule; null = instance default. */
  @Column({ name: 'retry_schedule_ms', type: 'integer', array: true, nullable: true })
  retryScheduleMs: number[] | null;

  @Column({ name: 'max_retries', type: 'integer', nullable: true })
  maxRetries: number | null;

  /** Extension: deliveries of this subscription in flight at once, across all dispatchers; null = instance default. */
  @Column({ name: 'max_in_flight', type: 'integer', nullable: true })
  maxInFlight: number | null;

  /** Extension: deliveries of this subscription started per second, across all dispatchers; null = no limit. */
  @Column({ name: 'max_deliveries_per_second', type: 'double precision', nullable: true })
  maxDeliveriesPerSecond: number | null;

  @Column({ name: 'dedicated_workers', type: 'text', array: true, default: () => "'{}'" })
  dedicatedWorkers: string[];

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
