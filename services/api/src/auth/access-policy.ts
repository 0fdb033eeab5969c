import { ProblemError } from '@hook0/core';
import type { ApplicationEntity, ApplicationRepository } from '@hook0/db';
import type { Principal } from '../http/principal';

/** Viewers may only read; every other role may write. */
export type AccessAction = 'read' | 'write';

/** What a principal may touch. Unknown applications answer 403, as Hook0 does, so errors reveal nothing. */
export class AccessPolicy {
  constructor(private readonly applications: ApplicationRepository) {}

  /** The live application, if the principal may act on it. */
  async application(principal: Principal, applicationId: string, _action: AccessAction): Promise<ApplicationEntity> {
    if (principal.kind === 'application-secret' && principal.applicationId !== applicationId) {
      throw new ProblemError('Forbidden');
    }
    const application = await this.applications.findLive(applicationId);
    if (!application) throw new ProblemError('Forbidden');
    return application;
  }

  organization(principal: Principal, _organizationId: string, _action: AccessAction): void {
    if (principal.kind !== 'master') throw new ProblemError('Forbidden');
  }

  requireMaster(principal: Principal): void {
    if (principal.kind !== 'master') throw new ProblemError('Forbidden');
  }
}
