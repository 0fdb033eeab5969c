import { ProblemError } from '@hook0/core';
import type { ApplicationRepository } from '@hook0/db';
import { bearerToken, isUuid } from '../http/bearer-token';
import type { Authenticator, Principal } from '../http/principal';

export interface TokenAuthenticatorOptions {
  readonly masterApiKey: string | null;
  readonly applicationSecretCompatibility: boolean;
}

/** Resolves a bearer token in Hook0's order: master key, then application secret (HOOK0_API.md §2.1). */
export class TokenAuthenticator implements Authenticator {
  constructor(private readonly applications: ApplicationRepository, private readonly options: TokenAuthenticatorOptions) {}

  async authenticate(header: string | undefined): Promise<Principal> {
    const token = bearerToken(header);
    if (!isUuid(token)) throw new ProblemError('AuthInvalidBiscuit');
    const normalized = token.toLowerCase();
    if (this.options.masterApiKey !== null && normalized === this.options.masterApiKey) {
      return { kind: 'master', tokenKey: 'master' };
    }
    if (this.options.applicationSecretCompatibility) {
      const scope = await this.applications.scopeOfSecret(normalized);
      if (scope) return { kind: 'application-secret', ...scope, tokenKey: normalized };
    }
    throw new ProblemError('AuthInvalidBiscuit');
  }
}
