import { Type } from '@sinclair/typebox';
import { ApplicationSecretView } from '../../http/views';
import { ApplicationQueryDto } from '../../http/application-query.dto';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { ApplicationSecretPostDto, ApplicationSecretTokenParamsDto } from './application-secret.dto';
import { toApplicationSecretView } from './application-secret.presenter';
import type { ApplicationSecretService } from './application-secret.service';

export function applicationSecretRoutes(secrets: ApplicationSecretService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/application_secrets',
      operationId: 'applicationSecrets.list',
      summary: 'List the live secrets of an application (needs write access: each secret is a credential)',
      tag: 'Application secrets',
      auth: 'token',
      query: ApplicationQueryDto,
      status: 200,
      view: Type.Array(ApplicationSecretView),
      handler: async ({ principal, query }) => (await secrets.list(principal, query.application_id)).map(toApplicationSecretView),
    }),
    defineRoute({
      method: 'post',
      path: '/application_secrets',
      operationId: 'applicationSecrets.create',
      summary: 'Create an application secret',
      tag: 'Application secrets',
      auth: 'token',
      body: ApplicationSecretPostDto,
      status: 201,
      view: ApplicationSecretView,
      handler: async ({ principal, body }) => toApplicationSecretView(await secrets.create(principal, body)),
    }),
    defineRoute({
      method: 'put',
      path: '/application_secrets/:token',
      operationId: 'applicationSecrets.update',
      summary: 'Rename an application secret',
      tag: 'Application secrets',
      auth: 'token',
      params: ApplicationSecretTokenParamsDto,
      body: ApplicationSecretPostDto,
      status: 200,
      view: ApplicationSecretView,
      handler: async ({ principal, params, body }) => toApplicationSecretView(await secrets.rename(principal, params.token, body)),
    }),
    defineRoute({
      method: 'delete',
      path: '/application_secrets/:token',
      operationId: 'applicationSecrets.delete',
      summary: 'Revoke an application secret (soft delete)',
      tag: 'Application secrets',
      auth: 'token',
      params: ApplicationSecretTokenParamsDto,
      query: ApplicationQueryDto,
      status: 204,
      handler: ({ principal, params, query }) => secrets.delete(principal, query.application_id, params.token),
    }),
  ];
}
