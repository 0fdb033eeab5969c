import type { ApplicationEntity } from '@hook0/db';
import type { Principal } from './principal';

/**
 * What a presenter may show to a caller already allowed to read: credentials (subscription secrets, target header
 * values) only to a caller that may also write there, since a string a reader can read must grant no write.
 */
export interface ViewAccess {
  readonly mayWrite: boolean;
}

/** The access of a caller that was authorized to write. */
export const WRITE_ACCESS: ViewAccess = { mayWrite: true };

/** A service's result with the access its caller was granted, for the presenter to shape. */
export interface Authorized<T> {
  readonly value: T;
  readonly access: ViewAccess;
}

/** The caller may act on this live application as its route's rule says; `view` is what it may see there. */
export interface ApplicationGrant {
  readonly principal: Principal;
  readonly application: ApplicationEntity;
  readonly view: ViewAccess;
}

/**
 * A write whose own statement proves the rest of the grant (docs/api.md "Who may do what"): the statement
 * must find the application live and, when `organizationId` is set, in that organization. When the statement fails,
 * `confirm` runs the full check and throws the refusal the caller would have had up front, so a refused caller never
 * learns anything from the statement's failure.
 */
export interface ApplicationWriteGrant {
  readonly principal: Principal;
  readonly applicationId: string;
  readonly organizationId: string | null;
  readonly confirm: () => Promise<void>;
}

/** The caller may act on this organization as its route's rule says. */
export interface OrganizationGrant {
  readonly principal: Principal;
  readonly organizationId: string;
}

export type PrincipalKind = Principal['kind'];

/** A route open to some kinds of caller, whatever they name: the caller itself, narrowed to those kinds. */
export type PrincipalOf<K extends PrincipalKind> = Extract<Principal, { kind: K }>;
