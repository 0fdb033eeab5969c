import { randomUUID } from 'node:crypto';
import { ProblemError } from '@hook0/core';
import type { ApplicationEntity, ApplicationRepository, OrganizationRepository } from '@hook0/db';
import type { ApplicationGrant, OrganizationGrant } from '../../auth/grants';
import type { QuotaService } from '../quotas/quota.service';
import type { ApplicationPostDto } from './application.dto';
import type { ApplicationInfo } from './application.presenter';

export class ApplicationService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly organizations: OrganizationRepository,
    private readonly quotas: QuotaService,
  ) {}

  async create({ organizationId }: OrganizationGrant, name: string): Promise<ApplicationEntity> {
    if (!(await this.organizations.exists(organizationId))) throw new ProblemError('Forbidden');
    await this.quotas.assertCanCreateApplication(organizationId);
    return this.applications.createWithDefaultSecret({ applicationId: randomUUID(), organizationId, name }, randomUUID());
  }

  list({ organizationId }: OrganizationGrant): Promise<ApplicationEntity[]> {
    return this.applications.listLive(organizationId);
  }

  /** The application with its quota limits and today's consumption (ApplicationInfo). */
  async info({ application }: ApplicationGrant): Promise<ApplicationInfo> {
    const [consumption, onboarding] = await Promise.all([
      this.quotas.applicationConsumption(application.applicationId),
      this.applications.onboarding(application.applicationId),
    ]);
    return { application, usage: { limits: this.quotas.limits(), eventsPerDay: consumption.eventsPerDay }, onboarding };
  }

  /** PUT: the body's organization must be the application's own, else the application is not found there. */
  async replace({ application }: ApplicationGrant, input: ApplicationPostDto): Promise<ApplicationEntity> {
    const renamed = await this.applications.rename(application.applicationId, input.organization_id, input.name);
    if (!renamed) throw new ProblemError('NotFound');
    return renamed;
  }

  /** Soft delete; pending attempts of its subscriptions fail in the same transaction. */
  async delete({ application }: ApplicationGrant): Promise<void> {
    if (!(await this.applications.softDelete(application.applicationId))) throw new ProblemError('NotFound');
  }
}
