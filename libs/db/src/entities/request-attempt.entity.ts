import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'request_attempt' })
export class RequestAttemptEntity {
  @PrimaryColumn({ name: 'request_attempt_id', type: 'uuid' })
  requestAttemptId: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'dispatch_round', type: 'smallint' })
  dispatchRound: number;

  @Column({ name: 'retry_count', type: 'smallint' })
  retryCount: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'delay_until', type: 'timestamptz', nullable: true })
  delayUntil: Date | null;

  @Column({ name: 'picked_at', type: 'timestamptz', nullable: true })
  pickedAt: Date | null;

  /** A dispatcher owns the attempt until then; a redelivered message waits for it to pass. */
  @Column({ name: 'lease_expires_at', type: 'timestamptz', nullable: true })
  leaseExpiresAt: Date | null;

  @Column({ name: 'worker_name', type: 'text', nullable: true })
  workerName: string | null;

  @Column({ name: 'succeeded_at', type: 'timestamptz', nullable: true })
  succeededAt: Date | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  @Column({ name: 'response_id', type: 'uuid', nullable: true })
  responseId: string | null;
}
