import { type ProblemError } from '@hook0/core';
import type { AccessTokenOwner, ApplicationRepository, RefreshTokenRecord, ServiceTokenRepository, UserSessionRepository } from '@hook0/db';
import { hashToken, mintToken } from './opaque-token';
import { TokenAuthenticator } from './token-authenticator';

const MASTER = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const SECRET = '1c6a9a52-2d7e-4d43-9a57-0f3f8d6f1a11';
const access = mintToken('access');
const refresh = mintToken('refresh');
const rotated = mintToken('refresh');
const service = mintToken('service');
const revokedSessions: string[] = [];

const owner: AccessTokenOwner = { userId: 'u1', sessionId: 's1', tokenId: 't1', memberships: new Map([['o1', 'editor']]) };
const refreshRecord = (state: RefreshTokenRecord['state']): RefreshTokenRecord => ({ tokenId: 't2', sessionId: 's1', userId: 'u1', state });
const stores = {
  applications: {
    scopeOfSecret: async (token: string) => (token === SECRET ? { applicationId: 'a1', organizationId: 'o1' } : null),
  } as unknown as ApplicationRepository,
  sessions: {
    findAccessTokenOwner: async (hash: Buffer) => (hash.equals(access.hash) ? owner : null),
    findRefreshToken: async (hash: Buffer) =>
      hash.equals(refresh.hash) ? refreshRecord('live') : hash.equals(rotated.hash) ? refreshRecord('revoked') : null,
    revokeSession: async (sessionId: string) => void revokedSessions.push(sessionId),
  } as unknown as UserSessionRepository,
  serviceTokens: {
    scopeOf: async (hash: Buffer) => (hash.equals(service.hash) ? { tokenId: 'st1', organizationId: 'o1' } : null),
  } as unknown as ServiceTokenRepository,
};
const authenticator = new TokenAuthenticator(stores, { masterApiKey: MASTER, applicationSecretCompatibility: true });
const problemOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: ProblemError) => error.problemId,
  );

describe('TokenAuthenticator', () => {
  it('resolves each kind of token to its principal', async () => {
    await expect(authenticator.authenticate(`Bearer ${MASTER.toUpperCase()}`)).resolves.toEqual({ kind: 'master', tokenKey: 'master' });
    await expect(authenticator.authenticate(`Bearer ${access.value}`)).resolves.toMatchObject({
      kind: 'user',
      userId: 'u1',
      sessionId: 's1',
      tokenKey: 'session:s1',
    });
    await expect(authenticator.authenticate(`Bearer ${service.value}`)).resolves.toMatchObject({
      kind: 'service-token',
      organizationId: 'o1',
      tokenKey: 'service-token:st1',
    });
    await expect(authenticator.authenticate(SECRET)).resolves.toMatchObject({ kind: 'application-secret', applicationId: 'a1' });
  });

  it('keeps the token itself out of the principal (its tokenKey names the session)', async () => {
    const principal = await authenticator.authenticate(`Bearer ${access.value}`);
    expect(JSON.stringify(principal)).not.toContain(access.value);
    expect(hashToken(access.value).equals(access.hash)).toBe(true);
  });

  it.each([
    ['a missing header', undefined, 'AuthNoAuthorizationHeader'],
    ['an empty bearer', 'Bearer ', 'AuthInvalidBiscuit'],
    ['a refresh token', `Bearer ${refresh.value}`, 'AuthInvalidBiscuit'],
    ['an unknown access token', `Bearer ${mintToken('access').value}`, 'AuthInvalidBiscuit'],
    ['a master-key-length string of multi-byte characters', `Bearer ${'é'.repeat(36)}`, 'AuthInvalidBiscuit'],
    ['the master key with a stray character', `Bearer ${MASTER}x`, 'AuthInvalidBiscuit'],
  ])('refuses %s on ordinary routes', async (_case, header, problem) => {
    await expect(problemOf(authenticator.authenticate(header))).resolves.toBe(problem);
  });

  it('takes a live refresh token at /auth/refresh and /auth/logout only', async () => {
    await expect(authenticator.authenticate(`Bearer ${refresh.value}`, 'refresh')).resolves.toMatchObject({
      kind: 'refresh',
      tokenId: 't2',
    });
    await expect(authenticator.authenticate(`Bearer ${refresh.value}`, 'session')).resolves.toMatchObject({ kind: 'refresh' });
    await expect(authenticator.authenticate(`Bearer ${access.value}`, 'session')).resolves.toMatchObject({ kind: 'user' });
    await expect(problemOf(authenticator.authenticate(`Bearer ${access.value}`, 'refresh'))).resolves.toBe('AuthFailedRefresh');
    await expect(problemOf(authenticator.authenticate(`Bearer ${MASTER}`, 'refresh'))).resolves.toBe('AuthFailedRefresh');
    await expect(problemOf(authenticator.authenticate(undefined, 'refresh'))).resolves.toBe('AuthNoAuthorizationHeader');
  });

  it('revokes the whole session when a rotated refresh token comes back', async () => {
    await expect(problemOf(authenticator.authenticate(`Bearer ${rotated.value}`, 'refresh'))).resolves.toBe('AuthFailedRefresh');
    expect(revokedSessions).toEqual(['s1']);
  });

  it('refuses application secrets when ENABLE_APPLICATION_SECRET_COMPATIBILITY is off', async () => {
    const strict = new TokenAuthenticator(stores, { masterApiKey: null, applicationSecretCompatibility: false });
    await expect(problemOf(strict.authenticate(SECRET))).resolves.toBe('AuthInvalidBiscuit');
    await expect(problemOf(strict.authenticate(MASTER))).resolves.toBe('AuthInvalidBiscuit');
  });
});
