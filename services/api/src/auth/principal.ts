import type { OrganizationRole } from '@hook0/db';

/**
 * Who is calling, as the token says (docs/hook0-compatibility.md "Authentication"). `tokenKey` names the credential (never its secret part
 * for the kinds minted here), e.g. for per-token rate limits.
 */
export type Principal =
  | { readonly kind: 'master'; readonly tokenKey: string }
  | { readonly kind: 'application-secret'; readonly applicationId: string; readonly organizationId: string; readonly tokenKey: string }
  /** A user access token; memberships are read at each request, so a removed member loses access at once. */
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly sessionId: string;
      readonly memberships: ReadonlyMap<string, OrganizationRole>;
      readonly tokenKey: string;
    }
  | { readonly kind: 'service-token'; readonly organizationId: string; readonly tokenId: string; readonly tokenKey: string }
  /** A refresh token: only POST /auth/refresh and POST /auth/logout take one. */
  | { readonly kind: 'refresh'; readonly userId: string; readonly sessionId: string; readonly tokenId: string; readonly tokenKey: string }
  /** No token: the principal of the routes declared `auth: 'none'`, allowed nothing by the access policy. */
  | { readonly kind: 'anonymous'; readonly tokenKey: string };

/**
 * Which credentials a route takes: `token` an access credential (master key, user access token, service token,
 * application secret); `refresh` a refresh token only; `session` an access credential or a refresh token.
 */
export type AuthMode = 'token' | 'refresh' | 'session';

export interface Authenticator {
  /** The principal for a raw Authorization header; throws a ProblemError when it is missing or invalid. */
  authenticate(authorizationHeader: string | undefined, mode?: AuthMode): Promise<Principal>;
}
