import { randomUUID } from 'node:crypto';
import { ProblemError } from '@hook0/core';
import { ApplicationEntity, ApplicationSecretEntity, type ApplicationRepository, type OrganizationRepository } from '@hook0/db';
import type { AccessPolicy } from '../../auth/access-policy';
import type { Principal } from '../../http/principal';
import type { ApplicationPostDto } from './application.dto';

export class ApplicationService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly organizations: OrganizationRepository,
    private readonly access: AccessPolicy,
  ) {}

  async create(principal: Principal, input: ApplicationPostDto): Promise<ApplicationEntity> {
    const organizationId = input.organization_id.toLowerCase();
    this.access.organization(principal, organizationId, 'write');
    if (!(await this.organizations.exists(organizationId))) throw new ProblemError('Forbidden');
    const application = Object.assign(new ApplicationEntity(), { applicationId: randomUUID(), organizationId, name: input.name });
    const secret = Object.assign(new ApplicationSecretEntity(), { token: randomUUID(), applicationId: application.applicationId, name: 'Default' });
    return this.applications.createWithDefaultSecret(application, secret);
  }

  async list(principal: Principal, organizationId: string): Promise<ApplicationEntity[]> {
    this.access.organization(principal, organizationId.toLowerCase(), 'read');
    return this.applications.listLive(organizationId.toLowerCase());
  }

  async get(principal: Principal, applicationId: string): Promise<ApplicationEntity> {
    return this.access.application(principal, applicationId.toLowerCase(), 'read');
  }
}
