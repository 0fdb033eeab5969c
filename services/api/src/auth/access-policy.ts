import { ProblemError } from '@hook0/core';
import type { ApplicationEntity, ApplicationRepository, OrganizationRole } from '@hook0/db';
import type { Principal } from '../auth/principal';

/** Viewers may only read; every other role may write. */
export type AccessAction = 'read' | 'write';

/** How a principal relates to an organization, as GET /organizations reports it. */
export type OrganizationAccess = OrganizationRole | 'master';

/**
 * What a presenter may show to a caller already allowed to read: credentials (subscription secrets, target header
 * values) only to a caller that may also write there, since a string a reader can read must grant no write.
 */
export interface ViewAccess {
  readonly mayWrite: boolean;
}

/** A service's result with the access its caller was granted, for the presenter to shape. */
export interface Authorized<T> {
  readonly value: T;
  readonly access: ViewAccess;
}

/** The access of a caller that was authorized to write. */
export const WRITE_ACCESS: ViewAccess = { mayWrite: true };

/**
 * What a principal may touch (docs/api.md "Who may do what"):
 * - master key: everything;
 * - user: the organizations they are a member of, and their applications (viewers read only);
 * - service token: its organization and its applications, as an editor;
 * - application secret: its own application only;
 * - refresh token, no token: nothing.
 * A refusal is always 403 Forbidden, decided before anything is read for an unknown or foreign id alike,
 * so the answer never tells whether the resource exists elsewhere.
 */
export class AccessPolicy {
  constructor(private readonly applications: ApplicationRepository) {}

  /** The live application, if the principal may act on it. */
  async application(principal: Principal, applicationId: string, action: AccessAction): Promise<ApplicationEntity> {
    if (!mayReachApplications(principal, applicationId)) throw new ProblemError('Forbidden');
    const application = await this.applications.findLive(applicationId);
    if (!application) throw new ProblemError('Forbidden');
    if (principal.kind !== 'application-secret' && !allowsOrganization(principal, application.organizationId, action)) {
      throw new ProblemError('Forbidden');
    }
    return application;
  }

  /**
   * Whether a write may skip `application()` because the write's own statement proves the rest: for the master key
   * and an application's own secret, that the application is live; for a service token, that it is live and in the
   * token's organization. Null when the decision needs more (a user's roles) or is a refusal: call `application()`.
   */
  writableIfLive(principal: Principal, applicationId: string): { readonly organizationId: string | null } | null {
    if (principal.kind === 'master') return { organizationId: null };
    if (principal.kind === 'application-secret' && principal.applicationId === applicationId) return { organizationId: null };
    if (principal.kind === 'service-token') return { organizationId: principal.organizationId };
    return null;
  }

  /**
   * For a route that names a resource but not its application (GET /subscriptions/{id}): the resource was found,
   * and a refusal must read like an unknown id, so it is 404 NotFound here rather than 403.
   */
  async applicationOfResource(principal: Principal, applicationId: string, action: AccessAction): Promise<ApplicationEntity> {
    try {
      return await this.application(principal, applicationId, action);
    } catch (error) {
      if (error instanceof ProblemError && error.problemId === 'Forbidden') throw new ProblemError('NotFound');
      throw error;
    }
  }

  /** For a principal already allowed to read `application`: whether it may also write there. */
  viewOf(principal: Principal, application: ApplicationEntity): ViewAccess {
    const mayWrite =
      mayReachApplications(principal, application.applicationId) &&
      (principal.kind === 'application-secret' || allowsOrganization(principal, application.organizationId, 'write'));
    return { mayWrite };
  }

  organization(principal: Principal, organizationId: string, action: AccessAction): void {
    if (!allowsOrganization(principal, organizationId, action)) throw new ProblemError('Forbidden');
  }

  /**
   * Administration of an organization's identities (members, invitations, service tokens) and its deletion:
   * its editors and the master key. Not service tokens: a leaked one must not mint more credentials or add members.
   */
  administration(principal: Principal, organizationId: string): void {
    const allowed = principal.kind === 'master' || (principal.kind === 'user' && principal.memberships.get(organizationId) === 'editor');
    if (!allowed) throw new ProblemError('Forbidden');
  }

  /** The principal's standing in an organization, or null when it has none. */
  roleIn(principal: Principal, organizationId: string): OrganizationAccess | null {
    switch (principal.kind) {
      case 'master':
        return 'master';
      case 'user':
        return principal.memberships.get(organizationId) ?? null;
      case 'service-token':
        return principal.organizationId === organizationId ? 'editor' : null;
      default:
        return null;
    }
  }

  requireMaster(principal: Principal): void {
    if (principal.kind !== 'master') throw new ProblemError('Forbidden');
  }

  /** Self-service actions on one's own account (password, logout): a user's access token. */
  requireUser(principal: Principal): Extract<Principal, { kind: 'user' }> {
    if (principal.kind !== 'user') throw new ProblemError('Forbidden');
    return principal;
  }
}

function mayReachApplications(principal: Principal, applicationId: string): boolean {
  switch (principal.kind) {
    case 'master':
    case 'user':
    case 'service-token':
      return true;
    case 'application-secret':
      return principal.applicationId === applicationId;
    default:
      return false;
  }
}

function allowsOrganization(principal: Principal, organizationId: string, action: AccessAction): boolean {
  switch (principal.kind) {
    case 'master':
      return true;
    case 'user': {
      const role = principal.memberships.get(organizationId);
      return role === 'editor' || (role === 'viewer' && action === 'read');
    }
    case 'service-token':
      return principal.organizationId === organizationId;
    default:
      return false;
  }
}
