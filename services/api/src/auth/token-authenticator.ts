import { timingSafeEqual } from 'node:crypto';
import { ProblemError } from '@hook0/core';
import type { ApplicationRepository, ServiceTokenRepository, UserSessionRepository } from '@hook0/db';
import { bearerToken, isUuid } from '../http/bearer-token';
import type { AuthMode, Authenticator, Principal } from '../auth/principal';
import { hashToken, tokenKind } from './opaque-token';

export interface TokenAuthenticatorOptions {
  readonly masterApiKey: string | null;
  readonly applicationSecretCompatibility: boolean;
}

/** Where each kind of token is looked up. */
export interface TokenStores {
  readonly applications: ApplicationRepository;
  readonly sessions: UserSessionRepository;
  readonly serviceTokens: ServiceTokenRepository;
}

type RefreshPrincipal = Extract<Principal, { kind: 'refresh' }>;

/**
 * Resolves a bearer token (docs/hook0-compatibility.md "Authentication") in this order: master key, user access token, service token,
 * application secret (when ENABLE_APPLICATION_SECRET_COMPATIBILITY); anything else is 403 AuthInvalidBiscuit.
 * Refresh tokens count only where the route takes them (`refresh`, `session`); elsewhere they are invalid.
 */
export class TokenAuthenticator implements Authenticator {
  constructor(
    private readonly stores: TokenStores,
    private readonly options: TokenAuthenticatorOptions,
  ) {}

  async authenticate(header: string | undefined, mode: AuthMode = 'token'): Promise<Principal> {
    if (mode === 'refresh') return this.refreshOnly(header);
    const token = bearerToken(header);
    if (this.isMasterKey(token)) return { kind: 'master', tokenKey: 'master' };
    const kind = tokenKind(token);
    if (kind === 'access') {
      const owner = await this.stores.sessions.findAccessTokenOwner(hashToken(token));
      if (owner) return { kind: 'user', ...owner, tokenKey: `session:${owner.sessionId}` };
    } else if (kind === 'service') {
      const scope = await this.stores.serviceTokens.scopeOf(hashToken(token));
      if (scope) return { kind: 'service-token', ...scope, tokenKey: `service-token:${scope.tokenId}` };
    } else if (kind === 'refresh' && mode === 'session') {
      const principal = await this.refreshPrincipal(token);
      if (principal) return principal;
    } else if (kind === null && this.options.applicationSecretCompatibility && isUuid(token)) {
      const normalized = token.toLowerCase();
      const scope = await this.stores.applications.scopeOfSecret(normalized);
      if (scope) return { kind: 'application-secret', ...scope, tokenKey: normalized };
    }
    throw new ProblemError('AuthInvalidBiscuit');
  }

  /** POST /auth/refresh: a missing header is 401 AuthNoAuthorizationHeader, anything but a live refresh token 401 AuthFailedRefresh. */
  private async refreshOnly(header: string | undefined): Promise<RefreshPrincipal> {
    if (header === undefined) throw new ProblemError('AuthNoAuthorizationHeader');
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : header.trim();
    const principal = tokenKind(token) === 'refresh' ? await this.refreshPrincipal(token) : null;
    if (!principal) throw new ProblemError('AuthFailedRefresh');
    return principal;
  }

  /**
   * A live refresh token's principal, or null. A refresh token that was already rotated away is being replayed,
   * by its thief or by its owner after the thief (OAuth 2.0 Security BCP §4.14): its whole session is revoked.
   */
  private async refreshPrincipal(token: string): Promise<RefreshPrincipal | null> {
    const record = await this.stores.sessions.findRefreshToken(hashToken(token));
    if (!record) return null;
    if (record.state === 'revoked') await this.stores.sessions.revokeSession(record.sessionId);
    if (record.state !== 'live') return null;
    return {
      kind: 'refresh',
      userId: record.userId,
      sessionId: record.sessionId,
      tokenId: record.tokenId,
      tokenKey: `session:${record.sessionId}`,
    };
  }

  private isMasterKey(token: string): boolean {
    if (this.options.masterApiKey === null) return false;
    const presented = Buffer.from(token.toLowerCase(), 'utf8');
    const expected = Buffer.from(this.options.masterApiKey, 'utf8');
    return presented.length === expected.length && timingSafeEqual(presented, expected);
  }
}
