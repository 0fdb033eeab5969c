import { Type } from '@sinclair/typebox';
import { ApplicationInfoView, ApplicationView } from '../../http/views';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { ApplicationIdParamsDto, ApplicationPostDto, OrganizationQueryDto } from './application.dto';
import { toApplicationInfoView, toApplicationView } from './application.presenter';
import type { ApplicationService } from './application.service';

export function applicationRoutes(applications: ApplicationService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/applications',
      operationId: 'applications.list',
      summary: 'List the applications of an organization',
      tag: 'Applications',
      auth: 'token',
      query: OrganizationQueryDto,
      status: 200,
      view: Type.Array(ApplicationView),
      handler: async ({ principal, query }) => (await applications.list(principal, query.organization_id)).map(toApplicationView),
    }),
    defineRoute({
      method: 'post',
      path: '/applications',
      operationId: 'applications.create',
      summary: 'Create an application (with a Default secret)',
      tag: 'Applications',
      auth: 'token',
      body: ApplicationPostDto,
      status: 201,
      view: ApplicationView,
      handler: async ({ principal, body }) => toApplicationView(await applications.create(principal, body)),
    }),
    defineRoute({
      method: 'get',
      path: '/applications/:application_id',
      operationId: 'applications.get',
      summary: 'Get an application',
      tag: 'Applications',
      auth: 'token',
      params: ApplicationIdParamsDto,
      status: 200,
      view: ApplicationInfoView,
      handler: async ({ principal, params }) => toApplicationInfoView(await applications.info(principal, params.application_id)),
    }),
    defineRoute({
      method: 'put',
      path: '/applications/:application_id',
      operationId: 'applications.update',
      summary: 'Rename an application (full replace)',
      tag: 'Applications',
      auth: 'token',
      params: ApplicationIdParamsDto,
      body: ApplicationPostDto,
      status: 200,
      view: ApplicationView,
      handler: async ({ principal, params, body }) => toApplicationView(await applications.replace(principal, params.application_id, body)),
    }),
    defineRoute({
      method: 'delete',
      path: '/applications/:application_id',
      operationId: 'applications.delete',
      summary: 'Delete an application; its pending request attempts fail',
      tag: 'Applications',
      auth: 'token',
      params: ApplicationIdParamsDto,
      status: 204,
      handler: ({ principal, params }) => applications.delete(principal, params.application_id),
    }),
  ];
}
