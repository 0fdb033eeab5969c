import { Type } from '@sinclair/typebox';
import { ApplicationSecretView } from '../../http/views';
import { ApplicationQueryDto } from '../../http/application-query.dto';
import { defineRoute } from '../../http/route';
import { ApplicationSecretPostDto, ApplicationSecretTokenParamsDto } from './application-secret.dto';
import { applicationAccess } from '../../http/access-rule';

export const applicationSecretRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/application_secrets',
    operationId: 'applicationSecrets.list',
    summary: 'List the live secrets of an application (needs write access: each secret is a credential)',
    tag: 'Application secrets',
    auth: 'token',
    access: applicationAccess('write', 'query'),
    rateLimit: 'caller',
    query: ApplicationQueryDto,
    status: 200,
    view: Type.Array(ApplicationSecretView),
  }),
  create: defineRoute({
    method: 'post',
    path: '/application_secrets',
    operationId: 'applicationSecrets.create',
    summary: 'Create an application secret',
    tag: 'Application secrets',
    auth: 'token',
    access: applicationAccess('write', 'body'),
    rateLimit: 'caller',
    body: ApplicationSecretPostDto,
    status: 201,
    view: ApplicationSecretView,
  }),
  update: defineRoute({
    method: 'put',
    path: '/application_secrets/:token',
    operationId: 'applicationSecrets.update',
    summary: 'Rename an application secret',
    tag: 'Application secrets',
    auth: 'token',
    access: applicationAccess('write', 'body'),
    rateLimit: 'caller',
    params: ApplicationSecretTokenParamsDto,
    body: ApplicationSecretPostDto,
    status: 200,
    view: ApplicationSecretView,
  }),
  delete: defineRoute({
    method: 'delete',
    path: '/application_secrets/:token',
    operationId: 'applicationSecrets.delete',
    summary: 'Revoke an application secret (soft delete)',
    tag: 'Application secrets',
    auth: 'token',
    access: applicationAccess('write', 'query'),
    rateLimit: 'caller',
    params: ApplicationSecretTokenParamsDto,
    query: ApplicationQueryDto,
    status: 204,
  }),
};
