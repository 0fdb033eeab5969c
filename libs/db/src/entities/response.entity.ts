import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'response' })
export class ResponseEntity {
  @PrimaryColumn({ name: 'response_id', type: 'uuid' })
  responseId: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'response_error_name', type: 'text', nullable: true })
  responseErrorName: string | null;

  @Column({ name: 'http_code', type: 'smallint', nullable: true })
  httpCode: number | null;

  @Column({ name: 'headers', type: 'jsonb', nullable: true })
  headers: Record<string, string> | null;

  @Column({ name: 'body', type: 'text', nullable: true })
  body: string | null;

  @Column({ name: 'elapsed_time_ms', type: 'integer' })
  elapsedTimeMs: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
