import { ProblemError } from '@hook0/core';
import { isOrganizationRole, type OrganizationMemberRepository, type OrganizationRole, type UserRepository } from '@hook0/db';
import type { OrganizationGrant } from '../../auth/grants';
import type { QuotaService } from '../quotas/quota.service';
import type { InviteDeleteDto, InvitePostDto, InvitePutDto } from './organization.dto';

function role(value: string): OrganizationRole {
  if (!isOrganizationRole(value)) throw new ProblemError('InvalidRole');
  return value;
}

/**
 * Invitations (docs/hook0-compatibility.md "Organizations"): an existing user joins at once, with the role given (no email is sent).
 * Only the organization's editors (and the master key) manage members: its routes' rule.
 */
export class OrganizationMemberService {
  constructor(
    private readonly members: OrganizationMemberRepository,
    private readonly users: UserRepository,
    private readonly quotas: QuotaService,
  ) {}

  async invite({ organizationId }: OrganizationGrant, input: InvitePostDto): Promise<void> {
    const granted = role(input.role);
    const user = await this.users.findByEmail(input.email);
    if (!user) throw new ProblemError('InvitedUserDoesNotExist');
    this.quotas.assertCanAddMember(await this.members.count(organizationId));
    const outcome = await this.members.add(organizationId, user.userId, granted);
    // Only the master key can name an organization that does not exist (or was just deleted).
    if (outcome === 'not_found') throw new ProblemError('NotFound');
    if (outcome === 'already_member') throw new ProblemError('InvitedUserAlreadyInOrganization');
  }

  async changeRole({ organizationId }: OrganizationGrant, input: InvitePutDto): Promise<void> {
    if (!(await this.members.setRole(organizationId, input.user_id, role(input.role)))) throw new ProblemError('NotFound');
  }

  async remove({ organizationId }: OrganizationGrant, input: InviteDeleteDto): Promise<void> {
    if (!(await this.members.remove(organizationId, input.user_id))) throw new ProblemError('NotFound');
  }
}
