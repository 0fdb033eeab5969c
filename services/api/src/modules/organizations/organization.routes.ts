import { Type } from '@sinclair/typebox';
import { InvitationView, MemberRemovalView, OrganizationInfoView, OrganizationSummaryView, RoleChangeView } from '../../http/views';
import { defineRoute, type RouteDefinition } from '../../http/route';
import type { OrganizationMemberService } from './organization-member.service';
import { InviteDeleteDto, InvitePostDto, InvitePutDto, OrganizationIdParamsDto, OrganizationPostDto } from './organization.dto';
import { toOrganizationInfoView, toOrganizationSummaryView } from './organization.presenter';
import type { OrganizationService } from './organization.service';

const base = { tag: 'Organizations', auth: 'token' } as const;

export function organizationRoutes(organizations: OrganizationService, members: OrganizationMemberService): RouteDefinition[] {
  return [
    defineRoute({
      ...base,
      method: 'get',
      path: '/organizations',
      operationId: 'organizations.list',
      summary: "List the caller's organizations, with its role in each",
      status: 200,
      view: Type.Array(OrganizationSummaryView),
      handler: async ({ principal }) =>
        (await organizations.list(principal)).map(({ organization, role }) => toOrganizationSummaryView(organization, role)),
    }),
    defineRoute({
      ...base,
      method: 'post',
      path: '/organizations',
      operationId: 'organizations.create',
      summary: 'Create an organization (its creator becomes its editor)',
      body: OrganizationPostDto,
      status: 200,
      view: OrganizationInfoView,
      handler: async ({ principal, body }) => toOrganizationInfoView(await organizations.create(principal, body)),
    }),
    defineRoute({
      ...base,
      method: 'get',
      path: '/organizations/:organization_id',
      operationId: 'organizations.get',
      summary: 'Get an organization, its members and their roles',
      params: OrganizationIdParamsDto,
      status: 200,
      view: OrganizationInfoView,
      handler: async ({ principal, params }) => toOrganizationInfoView(await organizations.get(principal, params.organization_id)),
    }),
    defineRoute({
      ...base,
      method: 'put',
      path: '/organizations/:organization_id',
      operationId: 'organizations.edit',
      summary: 'Rename an organization',
      params: OrganizationIdParamsDto,
      body: OrganizationPostDto,
      status: 200,
      view: OrganizationInfoView,
      handler: async ({ principal, params, body }) =>
        toOrganizationInfoView(await organizations.rename(principal, params.organization_id, body)),
    }),
    defineRoute({
      ...base,
      method: 'delete',
      path: '/organizations/:organization_id',
      operationId: 'organizations.delete',
      summary: 'Delete an organization that has no application left',
      params: OrganizationIdParamsDto,
      status: 204,
      handler: ({ principal, params }) => organizations.delete(principal, params.organization_id),
    }),
    defineRoute({
      ...base,
      method: 'post',
      path: '/organizations/:organization_id/invite',
      operationId: 'organizations.invite',
      summary: 'Add an existing user to an organization with a role (editor or viewer)',
      params: OrganizationIdParamsDto,
      body: InvitePostDto,
      status: 200,
      view: InvitationView,
      handler: async ({ principal, params, body }) => {
        await members.invite(principal, params.organization_id, body);
        return { email: body.email, role: body.role };
      },
    }),
    defineRoute({
      ...base,
      method: 'put',
      path: '/organizations/:organization_id/invite',
      operationId: 'organizations.editRole',
      summary: "Change a member's role",
      params: OrganizationIdParamsDto,
      body: InvitePutDto,
      status: 200,
      view: RoleChangeView,
      handler: async ({ principal, params, body }) => {
        await members.changeRole(principal, params.organization_id, body);
        return { user_id: body.user_id, role: body.role };
      },
    }),
    defineRoute({
      ...base,
      method: 'delete',
      path: '/organizations/:organization_id/invite',
      operationId: 'organizations.revoke',
      summary: 'Remove a member from an organization',
      params: OrganizationIdParamsDto,
      body: InviteDeleteDto,
      status: 200,
      view: MemberRemovalView,
      handler: async ({ principal, params, body }) => {
        await members.remove(principal, params.organization_id, body);
        return { user_id: body.user_id };
      },
    }),
  ];
}
