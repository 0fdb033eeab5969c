import { randomUUID } from 'node:crypto';
import type { IdentityConfig } from '@hook0/config';
import { ProblemError } from '@hook0/core';
import type { NewUserToken, UserEntity, UserRepository, UserSessionRepository } from '@hook0/db';
import { HashingOverloaded } from '../../auth/hashing-limiter';
import type { LoginThrottle } from '../../auth/login-throttle';
import { mintToken } from '../../auth/opaque-token';
import type { PasswordHasher } from '../../auth/password-hasher';
import type { PrincipalOf } from '../../auth/grants';
import type { IssuedTokens } from './user.presenter';
import { checkPasswordPolicy, passwordLength } from './password-policy';

export interface LoggedIn {
  readonly user: UserEntity;
  readonly tokens: IssuedTokens;
}

/**
 * Sessions: login, refresh with rotation, logout, password change. A session holds one live refresh token at a time;
 * access tokens expire after ACCESS_TOKEN_TTL, refresh tokens after REFRESH_TOKEN_TTL, both revocable.
 */
export class SessionService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: UserSessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly config: IdentityConfig,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * 401 AuthFailedLogin for an unknown email and for a wrong password alike, after the same KDF work; 429 RateLimited
   * once `client` (a client key) has failed too often, for this email or at all (LoginThrottle).
   */
  login(email: string, password: string, client: string): Promise<LoggedIn> {
    return this.throttle.attempt(email, client, async () => {
      if (passwordLength(password) > this.config.passwordMaximumLength) throw new ProblemError('AuthFailedLogin');
      const user = await this.users.findByEmail(email);
      const valid = user ? await this.hasher.verify(password, user.passwordHash) : await this.hasher.verifyDecoy(password);
      if (!user || !valid) throw new ProblemError('AuthFailedLogin');
      await this.rehashIfOutdated(user, password);
      const sessionId = randomUUID();
      const { tokens, rows } = this.mint();
      await this.sessions.createSession(sessionId, user.userId, rows);
      return { user, tokens };
    });
  }

  /** A hash made with older scrypt parameters is replaced, now that the password is known; a busy hasher leaves it for the next login. */
  private async rehashIfOutdated(user: UserEntity, password: string): Promise<void> {
    if (!this.hasher.needsRehash(user.passwordHash)) return;
    try {
      await this.users.replacePasswordHash(user.userId, user.passwordHash, await this.hasher.hash(password));
    } catch (error) {
      if (!(error instanceof HashingOverloaded)) throw error;
    }
  }

  /** Rotation: the presented refresh token is revoked and the session gets a new pair. */
  async refresh(principal: PrincipalOf<'refresh'>): Promise<LoggedIn> {
    const user = await this.users.find(principal.userId);
    const { tokens, rows } = this.mint();
    if (!user || !(await this.sessions.rotate(principal.tokenId, principal.sessionId, rows))) throw new ProblemError('AuthFailedRefresh');
    return { user, tokens };
  }

  /** Revokes the session of the token presented (access or refresh) and every token of it. */
  async logout(principal: PrincipalOf<'user' | 'refresh'>): Promise<void> {
    await this.sessions.revokeSession(principal.sessionId);
  }

  /** The current session stays; every other session of the user is revoked. */
  async changePassword(principal: PrincipalOf<'user'>, newPassword: string): Promise<void> {
    checkPasswordPolicy(newPassword, this.config);
    await this.users.changePassword(principal.userId, await this.hasher.hash(newPassword), principal.sessionId);
  }

  private mint(): { tokens: IssuedTokens; rows: NewUserToken[] } {
    const now = this.now().getTime();
    const access = mintToken('access');
    const refresh = mintToken('refresh');
    const accessTokenExpiresAt = new Date(now + this.config.accessTokenTtlMs);
    const refreshTokenExpiresAt = new Date(now + this.config.refreshTokenTtlMs);
    return {
      tokens: { accessToken: access.value, accessTokenExpiresAt, refreshToken: refresh.value, refreshTokenExpiresAt },
      rows: [
        { tokenId: randomUUID(), tokenHash: access.hash, kind: 'access', expiresAt: accessTokenExpiresAt },
        { tokenId: randomUUID(), tokenHash: refresh.hash, kind: 'refresh', expiresAt: refreshTokenExpiresAt },
      ],
    };
  }
}
