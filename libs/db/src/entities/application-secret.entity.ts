import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'application_secret' })
export class ApplicationSecretEntity {
  @PrimaryColumn({ name: 'token', type: 'uuid' })
  token: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'name', type: 'text', nullable: true })
  name: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
