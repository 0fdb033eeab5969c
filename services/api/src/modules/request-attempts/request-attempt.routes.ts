import { Type } from '@sinclair/typebox';
import { RequestAttemptView } from '../../http/views';
import { ApplicationQueryDto } from '../../http/application-query.dto';
import { defineRoute } from '../../http/route';
import { RequestAttemptIdParamsDto, RequestAttemptQueryDto } from './request-attempt.dto';
import { applicationAccess } from '../../http/access-rule';

export const requestAttemptRoutes = {
  read: defineRoute({
    method: 'get',
    path: '/request_attempts',
    operationId: 'requestAttempts.read',
    summary: 'List request attempts, newest first, 50 per page (Link rel="next")',
    tag: 'Request attempts',
    auth: 'token',
    access: applicationAccess('read', 'query'),
    rateLimit: 'caller',
    query: RequestAttemptQueryDto,
    status: 200,
    view: Type.Array(RequestAttemptView),
  }),
  get: defineRoute({
    method: 'get',
    path: '/request_attempts/:request_attempt_id',
    operationId: 'requestAttempts.get',
    summary: 'Get a request attempt',
    tag: 'Request attempts',
    auth: 'token',
    access: applicationAccess('read', 'query'),
    rateLimit: 'caller',
    params: RequestAttemptIdParamsDto,
    query: ApplicationQueryDto,
    status: 200,
    view: RequestAttemptView,
  }),
};
