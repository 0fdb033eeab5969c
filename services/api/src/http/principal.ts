/** Who is calling. User tokens and service tokens join this union in a later issue. */
export type Principal =
  | { readonly kind: 'master'; readonly tokenKey: string }
  | { readonly kind: 'application-secret'; readonly applicationId: string; readonly organizationId: string; readonly tokenKey: string };

export interface Authenticator {
  /** The principal for a raw Authorization header; throws a ProblemError when it is missing or invalid. */
  authenticate(authorizationHeader: string | undefined): Promise<Principal>;
}
