import type { DataSource, EntityManager } from 'typeorm';
import type { OrganizationRole } from '../entities/organization-member.entity';
import type { UserTokenKind } from '../entities/user-token.entity';
import { PreparedStatement } from '../prepared-statement';

export interface NewUserToken {
  readonly tokenId: string;
  readonly tokenHash: Buffer;
  readonly kind: UserTokenKind;
  readonly expiresAt: Date;
}

/** Who a live access token speaks for, with the user's memberships as they are now. */
export interface AccessTokenOwner {
  readonly userId: string;
  readonly sessionId: string;
  readonly tokenId: string;
  readonly memberships: ReadonlyMap<string, OrganizationRole>;
}

export interface RefreshTokenRecord {
  readonly tokenId: string;
  readonly sessionId: string;
  readonly userId: string;
  /** live, or why not: rotated/revoked, expired, or its whole session revoked. */
  readonly state: 'live' | 'revoked' | 'expired' | 'session-revoked';
}

/** Runs on every request authenticated by a user's access token, like the other credential lookups. */
const ACCESS_TOKEN_OWNER = new PreparedStatement<{
  token_id: string;
  session_id: string;
  user_id: string;
  memberships: { organization_id: string; role: OrganizationRole }[];
}>(
  'hook0_owner_of_access_token',
  `SELECT t.token_id, s.session_id, s.user_id,
          coalesce((SELECT json_agg(json_build_object('organization_id', m.organization_id, 'role', m.role))
                      FROM organization_member m WHERE m.user_id = s.user_id), '[]'::json) AS memberships
     FROM user_token t JOIN user_session s ON s.session_id = t.session_id
    WHERE t.token_hash = $1 AND t.kind = 'access' AND t.revoked_at IS NULL AND t.expires_at > now() AND s.revoked_at IS NULL`,
);

/** Sessions and their tokens. Tokens are looked up by the SHA-256 of their value, never by the value. */
export class UserSessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A new session with its first tokens; the user's expired tokens, and sessions left with none, are pruned meanwhile. */
  async createSession(sessionId: string, userId: string, tokens: readonly NewUserToken[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // An expired token authenticates nothing and proves no reuse: nothing is lost by forgetting it.
      await manager.query(
        `DELETE FROM user_token t USING user_session s WHERE s.session_id = t.session_id AND s.user_id = $1 AND t.expires_at < now()`,
        [userId],
      );
      await manager.query(
        `DELETE FROM user_session s WHERE s.user_id = $1 AND NOT EXISTS (SELECT 1 FROM user_token t WHERE t.session_id = s.session_id)`,
        [userId],
      );
      await manager.query(`INSERT INTO user_session (session_id, user_id) VALUES ($1, $2)`, [sessionId, userId]);
      await insertTokens(manager, sessionId, tokens);
    });
  }

  async findAccessTokenOwner(tokenHash: Buffer): Promise<AccessTokenOwner | null> {
    const [row] = await ACCESS_TOKEN_OWNER.rows(this.dataSource, [tokenHash]);
    if (!row) return null;
    const memberships = new Map(row.memberships.map((entry) => [entry.organization_id, entry.role] as const));
    return { userId: row.user_id, sessionId: row.session_id, tokenId: row.token_id, memberships };
  }

  /** A refresh token whatever its state, so that the reuse of a rotated one can be told apart from garbage. */
  async findRefreshToken(tokenHash: Buffer): Promise<RefreshTokenRecord | null> {
    const rows: { token_id: string; session_id: string; user_id: string; state: RefreshTokenRecord['state'] }[] =
      await this.dataSource.query(
        `SELECT t.token_id, s.session_id, s.user_id,
              CASE WHEN s.revoked_at IS NOT NULL THEN 'session-revoked'
                   WHEN t.revoked_at IS NOT NULL THEN 'revoked'
                   WHEN t.expires_at <= now() THEN 'expired'
                   ELSE 'live' END AS state
         FROM user_token t JOIN user_session s ON s.session_id = t.session_id
        WHERE t.token_hash = $1 AND t.kind = 'refresh'`,
        [tokenHash],
      );
    const row = rows[0];
    return row ? { tokenId: row.token_id, sessionId: row.session_id, userId: row.user_id, state: row.state } : null;
  }

  /**
   * Rotation: revokes the live refresh token and adds the session's next tokens, atomically.
   * False when the token was no longer live (another refresh won the race, or it expired meanwhile).
   */
  async rotate(refreshTokenId: string, sessionId: string, next: readonly NewUserToken[]): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [, affected]: [unknown[], number] = await manager.query(
        `UPDATE user_token t SET revoked_at = now() FROM user_session s
          WHERE t.token_id = $1 AND s.session_id = t.session_id AND s.session_id = $2
            AND t.revoked_at IS NULL AND t.expires_at > now() AND s.revoked_at IS NULL`,
        [refreshTokenId, sessionId],
      );
      if (affected === 0) return false;
      await insertTokens(manager, sessionId, next);
      return true;
    });
  }

  /** Logout, or a detected refresh-token reuse: the session and every token of it stop working. */
  async revokeSession(sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE user_session SET revoked_at = now() WHERE session_id = $1 AND revoked_at IS NULL`, [sessionId]);
      await manager.query(`UPDATE user_token SET revoked_at = now() WHERE session_id = $1 AND revoked_at IS NULL`, [sessionId]);
    });
  }
}

async function insertTokens(manager: EntityManager, sessionId: string, tokens: readonly NewUserToken[]): Promise<void> {
  for (const token of tokens) {
    await manager.query(`INSERT INTO user_token (token_id, token_hash, session_id, kind, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
      token.tokenId,
      token.tokenHash,
      sessionId,
      token.kind,
      token.expiresAt,
    ]);
  }
}
