import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An organization-wide token for machines (docs/hook0-compatibility.md "Service tokens"), kept only as the SHA-256 of its value. */
@Entity({ name: 'service_token' })
export class ServiceTokenEntity {
  @PrimaryColumn({ name: 'token_id', type: 'uuid' })
  tokenId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash: Buffer;

  /** The token's recognisable start (`hk0_st_` and a few characters), shown where the token itself no longer can be. */
  @Column({ name: 'token_hint', type: 'text' })
  tokenHint: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  /** Deleting a service token expires it; expired tokens authenticate nothing. */
  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true })
  expiredAt: Date | null;
}
