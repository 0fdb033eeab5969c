import { ResponseView } from '../../http/views';
import { ApplicationQueryDto } from '../../http/application-query.dto';
import { defineRoute } from '../../http/route';
import { ResponseIdParamsDto } from './response.dto';
import { applicationAccess } from '../../http/access-rule';

export const responseRoutes = {
  get: defineRoute({
    method: 'get',
    path: '/responses/:response_id',
    operationId: 'response.get',
    summary: 'Get the response a request attempt recorded',
    tag: 'Responses',
    auth: 'token',
    access: applicationAccess('read', 'query'),
    rateLimit: 'caller',
    params: ResponseIdParamsDto,
    query: ApplicationQueryDto,
    status: 200,
    view: ResponseView,
  }),
};
