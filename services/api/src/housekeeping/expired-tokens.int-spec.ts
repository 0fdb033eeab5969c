import { randomBytes, randomUUID } from 'node:crypto';
import { createOrganization } from '@hook0/testing';
import { arrangeSession } from '../../test/housekeeping-fixtures';
import { NOW, useHousekeepingWorld } from '../../test/housekeeping-world';

describe('expired tokens housekeeping (grace 7 d)', () => {
  const world = useHousekeepingWorld();

  async function serviceToken(expiredDaysAgo: number | null): Promise<string> {
    const tokenId = randomUUID();
    await world.pool.query(
      `INSERT INTO service_token (token_id, organization_id, name, token_hash, token_hint, expired_at)
       VALUES ($1, $2, 'ci', $3, 'hk0_st_abcdef', $4::timestamptz - $5 * interval '1 day')`,
      [tokenId, await createOrganization(world.pool), randomBytes(32), NOW, expiredDaysAgo],
    );
    return tokenId;
  }

  async function arrange() {
    return {
      oldSession: await arrangeSession(world.pool, 8),
      recentSession: await arrangeSession(world.pool, 6),
      oldServiceToken: await serviceToken(10),
      liveServiceToken: await serviceToken(null),
    };
  }

  async function remaining() {
    const ids = async (sql: string) => (await world.pool.query<{ id: string }>(sql)).rows.map((row) => row.id).sort();
    return {
      sessions: await ids('SELECT session_id AS id FROM user_session'),
      userTokens: await ids('SELECT token_id AS id FROM user_token'),
      serviceTokens: await ids('SELECT token_id AS id FROM service_token'),
    };
  }

  it('by default reports the tokens and sessions expired past the grace period, and deletes nothing', async () => {
    await arrange();
    const before = await remaining();

    const result = await world.housekeeper().runPass('expired_tokens');

    expect(result).toEqual({
      ran: true,
      outcome: { reported: 4, deleted: 0, details: { mode: 'report', userTokens: 2, sessions: 1, serviceTokens: 1 } },
    });
    expect(await remaining()).toEqual(before);
  });

  it('with EXPIRED_TOKENS_CLEANUP_REPORT_AND_DELETE deletes them and keeps those within the grace period', async () => {
    const { recentSession, liveServiceToken } = await arrange();
    // A live session keeps going although one of its tokens expired long ago.
    const liveSession = await arrangeSession(world.pool, -1);
    const staleToken = randomUUID();
    await world.pool.query(
      `INSERT INTO user_token (token_id, token_hash, session_id, kind, expires_at) VALUES ($1, $2, $3, 'access', $4::timestamptz - interval '30 days')`,
      [staleToken, randomBytes(32), liveSession.sessionId, NOW],
    );

    const result = await world.housekeeper({ EXPIRED_TOKENS_CLEANUP_REPORT_AND_DELETE: 'true' }).runPass('expired_tokens');

    expect(result).toMatchObject({ ran: true, outcome: { reported: 5, deleted: 5 } });
    expect(await remaining()).toEqual({
      sessions: [recentSession.sessionId, liveSession.sessionId].sort(),
      userTokens: [...recentSession.tokenIds, ...liveSession.tokenIds].sort(),
      serviceTokens: [liveServiceToken],
    });
  });

  it('follows EXPIRED_TOKENS_CLEANUP_GRACE_PERIOD', async () => {
    await arrange();

    const result = await world
      .housekeeper({ EXPIRED_TOKENS_CLEANUP_GRACE_PERIOD: '5d', EXPIRED_TOKENS_CLEANUP_REPORT_AND_DELETE: 'true' })
      .runPass('expired_tokens');

    expect(result).toMatchObject({ outcome: { deleted: 7 } });
    expect(await remaining()).toMatchObject({ sessions: [], userTokens: [] });
  });
});
