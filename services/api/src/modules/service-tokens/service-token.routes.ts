import { Type } from '@sinclair/typebox';
import { ServiceTokenView } from '../../http/views';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { ServiceTokenIdParamsDto, ServiceTokenPostDto, ServiceTokenQueryDto } from './service-token.dto';
import { toServiceTokenView } from './service-token.presenter';
import type { ServiceTokenService } from './service-token.service';

const base = { tag: 'Service tokens', auth: 'token' } as const;

/** docs/hook0-compatibility.md "Service tokens", at Hook0's singular path `/service_token`. */
export function serviceTokenRoutes(tokens: ServiceTokenService): RouteDefinition[] {
  return [
    defineRoute({
      ...base,
      method: 'get',
      path: '/service_token',
      operationId: 'serviceToken.list',
      summary: "List an organization's live service tokens (each shown by its hint)",
      query: ServiceTokenQueryDto,
      status: 200,
      view: Type.Array(ServiceTokenView),
      handler: async ({ principal, query }) =>
        (await tokens.list(principal, query.organization_id)).map((token) => toServiceTokenView(token)),
    }),
    defineRoute({
      ...base,
      method: 'post',
      path: '/service_token',
      operationId: 'serviceToken.create',
      summary: 'Create a service token; the response is the only place its value appears',
      body: ServiceTokenPostDto,
      status: 201,
      view: ServiceTokenView,
      handler: async ({ principal, body }) => {
        const created = await tokens.create(principal, body);
        return toServiceTokenView(created.token, created.value);
      },
    }),
    defineRoute({
      ...base,
      method: 'get',
      path: '/service_token/:token_id',
      operationId: 'serviceToken.get',
      summary: 'Get a service token (shown by its hint)',
      params: ServiceTokenIdParamsDto,
      query: ServiceTokenQueryDto,
      status: 200,
      view: ServiceTokenView,
      handler: async ({ principal, params, query }) =>
        toServiceTokenView(await tokens.get(principal, query.organization_id, params.token_id)),
    }),
    defineRoute({
      ...base,
      method: 'put',
      path: '/service_token/:token_id',
      operationId: 'serviceToken.edit',
      summary: 'Rename a service token',
      params: ServiceTokenIdParamsDto,
      body: ServiceTokenPostDto,
      status: 200,
      view: ServiceTokenView,
      handler: async ({ principal, params, body }) => toServiceTokenView(await tokens.rename(principal, params.token_id, body)),
    }),
    defineRoute({
      ...base,
      method: 'delete',
      path: '/service_token/:token_id',
      operationId: 'serviceToken.delete',
      summary: 'Expire a service token (it stops working at once)',
      params: ServiceTokenIdParamsDto,
      query: ServiceTokenQueryDto,
      status: 204,
      handler: ({ principal, params, query }) => tokens.delete(principal, query.organization_id, params.token_id),
    }),
  ];
}
