import { defineRoute, type RouteDefinition } from '../../http/route';
import { OrganizationIdParamsDto, OrganizationPostDto } from './organization.dto';
import { toOrganizationInfoView, toOrganizationSummaryView } from './organization.presenter';
import type { OrganizationService } from './organization.service';

export function organizationRoutes(organizations: OrganizationService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/organizations',
      operationId: 'organizations.list',
      summary: 'List organizations',
      tag: 'Organizations',
      auth: 'token',
      status: 200,
      handler: async ({ principal }) => (await organizations.list(principal)).map((organization) => toOrganizationSummaryView(organization, 'master')),
    }),
    defineRoute({
      method: 'post',
      path: '/organizations',
      operationId: 'organizations.create',
      summary: 'Create an organization',
      tag: 'Organizations',
      auth: 'token',
      body: OrganizationPostDto,
      status: 200,
      handler: async ({ principal, body }) => toOrganizationInfoView(await organizations.create(principal, body), 0),
    }),
    defineRoute({
      method: 'get',
      path: '/organizations/:organization_id',
      operationId: 'organizations.get',
      summary: 'Get an organization',
      tag: 'Organizations',
      auth: 'token',
      params: OrganizationIdParamsDto,
      status: 200,
      handler: async ({ principal, params }) => {
        const { organization, applications } = await organizations.get(principal, params.organization_id);
        return toOrganizationInfoView(organization, applications);
      },
    }),
  ];
}
