import { Column, Entity, PrimaryColumn } from 'typeorm';

export type UserTokenKind = 'access' | 'refresh';

/** An access or refresh token of a session, kept only as the SHA-256 of its value. */
@Entity({ name: 'user_token' })
export class UserTokenEntity {
  @PrimaryColumn({ name: 'token_id', type: 'uuid' })
  tokenId: string;

  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash: Buffer;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'kind', type: 'text' })
  kind: UserTokenKind;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
