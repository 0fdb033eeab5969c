import { Type } from '@sinclair/typebox';
import { RequestAttemptView } from '../../http/views';
import { ApplicationQueryDto } from '../../http/application-query.dto';
import { defineRoute, Reply, type RouteDefinition } from '../../http/route';
import { RequestAttemptIdParamsDto, RequestAttemptQueryDto } from './request-attempt.dto';
import { nextPageLink, toRequestAttemptView } from './request-attempt.presenter';
import type { RequestAttemptService } from './request-attempt.service';

export interface RequestAttemptRouteOptions {
  /** Public base URL (APP_URL) for the pagination link. */
  readonly appUrl: string;
}

export function requestAttemptRoutes(attempts: RequestAttemptService, options: RequestAttemptRouteOptions): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/request_attempts',
      operationId: 'requestAttempts.read',
      summary: 'List request attempts, newest first, 50 per page (Link rel="next")',
      tag: 'Request attempts',
      auth: 'token',
      query: RequestAttemptQueryDto,
      status: 200,
      view: Type.Array(RequestAttemptView),
      handler: async ({ principal, query }) => {
        const page = await attempts.list(principal, query);
        const now = new Date();
        const headers: Record<string, string> = page.nextCursor ? { Link: nextPageLink(options.appUrl, query, page.nextCursor) } : {};
        return new Reply(
          page.attempts.map((row) => toRequestAttemptView(row, now)),
          headers,
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/request_attempts/:request_attempt_id',
      operationId: 'requestAttempts.get',
      summary: 'Get a request attempt',
      tag: 'Request attempts',
      auth: 'token',
      params: RequestAttemptIdParamsDto,
      query: ApplicationQueryDto,
      status: 200,
      view: RequestAttemptView,
      handler: async ({ principal, params, query }) =>
        toRequestAttemptView(await attempts.get(principal, query.application_id, params.request_attempt_id), new Date()),
    }),
  ];
}
