import { ProblemError } from '@hook0/core';
import type { ApplicationEntity, ApplicationRepository } from '@hook0/db';
import type { ViewAccess } from './grants';
import type { Principal } from './principal';

/** Viewers may only read; every other role may write. */
export type AccessAction = 'read' | 'write';

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
   * The identities of an organization (its service tokens, by their hints): its members, viewers included, and the
   * master key. Not service tokens: they see no other credential, not even its name.
   */
  identities(principal: Principal, organizationId: string): void {
    this.organization(principal, organizationId, 'read');
    if (principal.kind === 'service-token') throw new ProblemError('Forbidden');
  }

  /**
   * Administration of an organization's identities (members, invitations, service tokens) and its deletion:
   * its editors and the master key. Not service tokens: a leaked one must not mint more credentials or add members.
   */
  administration(principal: Principal, organizationId: string): void {
    const allowed = principal.kind === 'master' || (principal.kind === 'user' && principal.memberships.get(organizationId) === 'editor');
    if (!allowed) throw new ProblemError('Forbidden');
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
