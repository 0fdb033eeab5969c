import { randomUUID } from 'node:crypto';
import { ProblemError } from '@hook0/core';
import type { ApplicationEntity, ApplicationRepository, OrganizationRepository } from '@hook0/db';
import type { AccessPolicy } from '../../auth/access-policy';
import type { Principal } from '../../auth/principal';
import type { QuotaService } from '../quotas/quota.service';
import type { ApplicationPostDto } from './application.dto';
import type { ApplicationInfo } from './application.presenter';

export class ApplicationService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly organizations: OrganizationRepository,
    private readonly access: AccessPolicy,
    private readonly quotas: QuotaService,
  ) {}

  async create(principal: Principal, input: ApplicationPostDto): Promise<ApplicationEntity> {
    const organizationId = input.organization_id;
    this.access.organization(principal, organizationId, 'write');
    if (!(await this.organizations.exists(organizationId))) throw new ProblemError('Forbidden');
    await this.quotas.assertCanCreateApplication(organizationId);
    return this.applications.createWithDefaultSecret({ applicationId: randomUUID(), organizationId, name: input.name }, randomUUID());
  }

  async list(principal: Principal, organizationId: string): Promise<ApplicationEntity[]> {
    this.access.organization(principal, organizationId, 'read');
    return this.applications.listLive(organizationId);
  }

  async get(principal: Principal, applicationId: string): Promise<ApplicationEntity> {
    return this.access.application(principal, applicationId, 'read');
  }

  /** The application with its quota limits and today's consumption (ApplicationInfo). */
  async info(principal: Principal, applicationId: string): Promise<ApplicationInfo> {
    const application = await this.get(principal, applicationId);
    const [consumption, onboarding] = await Promise.all([
      this.quotas.applicationConsumption(application.applicationId),
      this.applications.onboarding(application.applicationId),
    ]);
    return { application, usage: { limits: this.quotas.limits(), eventsPerDay: consumption.eventsPerDay }, onboarding };
  }

  /** PUT: the body's organization must be the application's own, else the application is not found there. */
  async replace(principal: Principal, applicationId: string, input: ApplicationPostDto): Promise<ApplicationEntity> {
    const application = await this.access.application(principal, applicationId, 'write');
    const renamed = await this.applications.rename(application.applicationId, input.organization_id, input.name);
    if (!renamed) throw new ProblemError('NotFound');
    return renamed;
  }

  /** Soft delete; pending attempts of its subscriptions fail in the same transaction. */
  async delete(principal: Principal, applicationId: string): Promise<void> {
    const application = await this.access.application(principal, applicationId, 'write');
    if (!(await this.applications.softDelete(application.applicationId))) throw new ProblemError('NotFound');
  }
}
