import type { DataSource } from 'typeorm';
import { deleteInBatches } from './batch-delete';

export interface ExpiredTokenCounts {
  readonly userTokens: number;
  readonly sessions: number;
  readonly serviceTokens: number;
}

// $1 is the cut-off: expired before it, a token is past the grace period.
const USER_TOKENS = 'FROM user_token WHERE expires_at < $1';
const SERVICE_TOKENS = 'FROM service_token WHERE expired_at < $1';
/** A session authenticates through its tokens only: once none is left unexpired, it is dead. */
const DEAD_SESSIONS = `FROM user_session s WHERE s.created_at < $1
  AND NOT EXISTS (SELECT 1 FROM user_token t WHERE t.session_id = s.session_id AND t.expires_at >= $1)`;

/** User tokens, user sessions and service tokens expired before a cut-off. Never reads a token's hash. */
export class ExpiredTokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  async count(cutoff: Date): Promise<ExpiredTokenCounts> {
    const [row]: ExpiredTokenCounts[] = await this.dataSource.query(
      `SELECT (SELECT count(*) ${USER_TOKENS})::int AS "userTokens",
              (SELECT count(*) ${DEAD_SESSIONS})::int AS sessions,
              (SELECT count(*) ${SERVICE_TOKENS})::int AS "serviceTokens"`,
      [cutoff],
    );
    return row;
  }

  async purge(cutoff: Date, batchSize: number): Promise<ExpiredTokenCounts> {
    const batches = (table: string, key: string, from: string) =>
      deleteInBatches(this.dataSource, `DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} ${from} LIMIT $2)`, [cutoff], batchSize);
    const userTokens = await batches('user_token', 'token_id', USER_TOKENS);
    const sessions = await batches('user_session', 'session_id', DEAD_SESSIONS);
    const serviceTokens = await batches('service_token', 'token_id', SERVICE_TOKENS);
    return { userTokens, sessions, serviceTokens };
  }
}
