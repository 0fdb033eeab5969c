import { randomUUID } from 'node:crypto';
import { ProblemError } from '@hook0/core';
import type { OrganizationEntity, OrganizationMemberRepository, OrganizationRepository } from '@hook0/db';
import type { OrganizationGrant, PrincipalOf } from '../../auth/grants';
import type { QuotaService } from '../quotas/quota.service';
import type { OrganizationAccess, OrganizationDetails } from './organization.presenter';

export interface ListedOrganization {
  readonly organization: OrganizationEntity;
  readonly role: OrganizationAccess;
}

/** Organizations (docs/hook0-compatibility.md "Organizations"): they group users and applications, and scope every token but the master key. */
export class OrganizationService {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly members: OrganizationMemberRepository,
    private readonly quotas: QuotaService,
  ) {}

  /** A user becomes the new organization's editor; the master key may create one without a user (docs/hook0-compatibility.md "Subscriptions"). */
  async create(principal: PrincipalOf<'user' | 'master'>, name: string): Promise<OrganizationDetails> {
    const organization = { organizationId: randomUUID(), name };
    if (principal.kind === 'user') await this.members.createOrganizationWithEditor(organization, principal.userId);
    else await this.organizations.create(organization);
    return this.details(organization.organizationId);
  }

  /** The caller's organizations with its role in each: editor/viewer for users, editor for a service token, master for the master key. */
  async list(principal: PrincipalOf<'master' | 'user' | 'service-token'>): Promise<ListedOrganization[]> {
    switch (principal.kind) {
      case 'master':
        return (await this.organizations.list()).map((organization) => ({ organization, role: 'master' }));
      case 'user':
        return this.members.organizationsOf(principal.userId);
      case 'service-token': {
        const organization = await this.organizations.find(principal.organizationId);
        return organization ? [{ organization, role: 'editor' }] : [];
      }
    }
  }

  get({ organizationId }: OrganizationGrant): Promise<OrganizationDetails> {
    return this.details(organizationId);
  }

  async rename({ organizationId }: OrganizationGrant, name: string): Promise<OrganizationDetails> {
    if (!(await this.organizations.rename(organizationId, name))) throw new ProblemError('NotFound');
    return this.details(organizationId);
  }

  /** 409 OrganizationIsNotEmpty while a live application remains. */
  async delete({ organizationId }: OrganizationGrant): Promise<void> {
    const outcome = await this.organizations.deleteIfEmpty(organizationId);
    if (outcome === 'not-found') throw new ProblemError('NotFound');
    if (outcome === 'not-empty') throw new ProblemError('OrganizationIsNotEmpty');
  }

  private async details(organizationId: string): Promise<OrganizationDetails> {
    const organization = await this.organizations.find(organizationId);
    if (!organization) throw new ProblemError('NotFound');
    const [members, consumption, onboarding] = await Promise.all([
      this.members.members(organizationId),
      this.quotas.organizationConsumption(organizationId),
      this.organizations.onboarding(organizationId),
    ]);
    return { organization, members, limits: this.quotas.limits(), consumption, onboarding };
  }
}
