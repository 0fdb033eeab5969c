import { randomUUID } from 'node:crypto';
import { ProblemError } from '@hook0/core';
import { OrganizationEntity, type OrganizationRepository } from '@hook0/db';
import type { AccessPolicy } from '../../auth/access-policy';
import type { Principal } from '../../http/principal';
import type { OrganizationPostDto } from './organization.dto';

/** Organizations, managed with the master key until user accounts exist. */
export class OrganizationService {
  constructor(private readonly organizations: OrganizationRepository, private readonly access: AccessPolicy) {}

  async create(principal: Principal, input: OrganizationPostDto): Promise<OrganizationEntity> {
    this.access.requireMaster(principal);
    return this.organizations.create(Object.assign(new OrganizationEntity(), { organizationId: randomUUID(), name: input.name }));
  }

  async list(principal: Principal): Promise<OrganizationEntity[]> {
    this.access.requireMaster(principal);
    return this.organizations.list();
  }

  async get(principal: Principal, organizationId: string): Promise<{ organization: OrganizationEntity; applications: number }> {
    this.access.organization(principal, organizationId.toLowerCase(), 'read');
    const organization = await this.organizations.find(organizationId.toLowerCase());
    if (!organization) throw new ProblemError('NotFound');
    return { organization, applications: await this.organizations.countApplications(organization.organizationId) };
  }
}
