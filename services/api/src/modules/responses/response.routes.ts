import { ResponseView } from '../../http/views';
import { ApplicationQueryDto } from '../../http/application-query.dto';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { ResponseIdParamsDto } from './response.dto';
import { toResponseView } from './response.presenter';
import type { ResponseService } from './response.service';

export function responseRoutes(responses: ResponseService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/responses/:response_id',
      operationId: 'response.get',
      summary: 'Get the response a request attempt recorded',
      tag: 'Responses',
      auth: 'token',
      params: ResponseIdParamsDto,
      query: ApplicationQueryDto,
      status: 200,
      view: ResponseView,
      handler: async ({ principal, params, query }) =>
        toResponseView(await responses.get(principal, query.application_id, params.response_id)),
    }),
  ];
}
