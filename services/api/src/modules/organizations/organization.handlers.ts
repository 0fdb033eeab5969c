import type { HandlersOf } from '../../http/route';
import type { OrganizationMemberService } from './organization-member.service';
import { toOrganizationInfoView, toOrganizationSummaryView } from './organization.presenter';
import type { OrganizationService } from './organization.service';
import type { organizationRoutes } from './organization.routes';

export function organizationHandlers(
  organizations: OrganizationService,
  members: OrganizationMemberService,
): HandlersOf<typeof organizationRoutes> {
  return {
    list: async ({ grant }) =>
      (await organizations.list(grant)).map(({ organization, role }) => toOrganizationSummaryView(organization, role)),
    create: async ({ grant, body }) => toOrganizationInfoView(await organizations.create(grant, body.name)),
    get: async ({ grant }) => toOrganizationInfoView(await organizations.get(grant)),
    edit: async ({ grant, body }) => toOrganizationInfoView(await organizations.rename(grant, body.name)),
    delete: ({ grant }) => organizations.delete(grant),
    invite: async ({ grant, body }) => {
      await members.invite(grant, body);
      return { email: body.email, role: body.role };
    },
    editRole: async ({ grant, body }) => {
      await members.changeRole(grant, body);
      return { user_id: body.user_id, role: body.role };
    },
    revoke: async ({ grant, body }) => {
      await members.remove(grant, body);
      return { user_id: body.user_id };
    },
  };
}
