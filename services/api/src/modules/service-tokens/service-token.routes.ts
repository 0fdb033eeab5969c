import { Type } from '@sinclair/typebox';
import { ServiceTokenView } from '../../http/views';
import { defineRoute } from '../../http/route';
import { ServiceTokenIdParamsDto, ServiceTokenPostDto, ServiceTokenQueryDto } from './service-token.dto';
import { organizationAccess } from '../../http/access-rule';

const base = { tag: 'Service tokens', auth: 'token' } as const;

/** docs/hook0-compatibility.md "Service tokens", at Hook0's singular path `/service_token`. */
export const serviceTokenRoutes = {
  list: defineRoute({
    ...base,
    method: 'get',
    path: '/service_token',
    operationId: 'serviceToken.list',
    summary: "List an organization's live service tokens (each shown by its hint)",
    query: ServiceTokenQueryDto,
    status: 200,
    view: Type.Array(ServiceTokenView),
    access: organizationAccess('read-identities', 'query'),
    rateLimit: 'caller',
  }),
  create: defineRoute({
    ...base,
    method: 'post',
    path: '/service_token',
    operationId: 'serviceToken.create',
    summary: 'Create a service token; the response is the only place its value appears',
    body: ServiceTokenPostDto,
    status: 201,
    view: ServiceTokenView,
    access: organizationAccess('administer', 'body'),
    rateLimit: 'caller',
  }),
  get: defineRoute({
    ...base,
    method: 'get',
    path: '/service_token/:token_id',
    operationId: 'serviceToken.get',
    summary: 'Get a service token (shown by its hint)',
    params: ServiceTokenIdParamsDto,
    query: ServiceTokenQueryDto,
    status: 200,
    view: ServiceTokenView,
    access: organizationAccess('read-identities', 'query'),
    rateLimit: 'caller',
  }),
  edit: defineRoute({
    ...base,
    method: 'put',
    path: '/service_token/:token_id',
    operationId: 'serviceToken.edit',
    summary: 'Rename a service token',
    params: ServiceTokenIdParamsDto,
    body: ServiceTokenPostDto,
    status: 200,
    view: ServiceTokenView,
    access: organizationAccess('administer', 'body'),
    rateLimit: 'caller',
  }),
  delete: defineRoute({
    ...base,
    method: 'delete',
    path: '/service_token/:token_id',
    operationId: 'serviceToken.delete',
    summary: 'Expire a service token (it stops working at once)',
    params: ServiceTokenIdParamsDto,
    query: ServiceTokenQueryDto,
    status: 204,
    access: organizationAccess('administer', 'query'),
    rateLimit: 'caller',
  }),
};
