import type { UserEntity } from '@hook0/db';

export interface IssuedTokens {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: Date;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: Date;
}

/** Hook0's LoginResponse (docs/hook0-compatibility.md "Users and registration"). */
export function toLoginResponse(user: UserEntity, tokens: IssuedTokens) {
  return {
    access_token: tokens.accessToken,
    access_token_expiration: tokens.accessTokenExpiresAt,
    refresh_token: tokens.refreshToken,
    refresh_token_expiration: tokens.refreshTokenExpiresAt,
    user_id: user.userId,
    email: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
  };
}

export function toRegistrationView(registered: { userId: string; organizationId: string }) {
  return { organization_id: registered.organizationId, user_id: registered.userId };
}
