import { Type } from '@sinclair/typebox';
import { EnvironmentVariableView, InstanceView, ProblemView, QuotasView } from '../../http/views';
import { defineRoute } from '../../http/route';
import { publicAccess } from '../../http/access-rule';

/** Public endpoints (docs/hook0-compatibility.md "Instance and health"): no token needed. */
export const instanceRoutes = {
  instance: defineRoute({
    method: 'get',
    path: '/instance',
    operationId: 'instance.get',
    summary: "Get this instance's configuration",
    tag: 'Instance',
    auth: 'none',
    access: publicAccess,
    rateLimit: 'shared',
    status: 200,
    view: InstanceView,
  }),
  quotas: defineRoute({
    method: 'get',
    path: '/quotas',
    operationId: 'quotas.get',
    summary: 'Get the quota limits in force',
    tag: 'Instance',
    auth: 'none',
    access: publicAccess,
    rateLimit: 'shared',
    status: 200,
    view: QuotasView,
  }),
  errors: defineRoute({
    method: 'get',
    path: '/errors',
    operationId: 'errors.list',
    summary: 'List every problem the API can answer with',
    tag: 'Instance',
    auth: 'none',
    access: publicAccess,
    rateLimit: 'shared',
    status: 200,
    view: Type.Array(ProblemView),
  }),
  payloadContentTypes: defineRoute({
    method: 'get',
    path: '/payload_content_types',
    operationId: 'payload_content_types.list',
    summary: 'List the accepted event payload content types',
    tag: 'Instance',
    auth: 'none',
    access: publicAccess,
    rateLimit: 'shared',
    status: 200,
    view: Type.Array(Type.String()),
  }),
  environmentVariables: defineRoute({
    method: 'get',
    path: '/environment_variables',
    operationId: 'environment_variables.list',
    summary: 'List the environment variables the services read, with their defaults (never their values)',
    tag: 'Instance',
    auth: 'none',
    access: publicAccess,
    rateLimit: 'shared',
    status: 200,
    view: Type.Array(EnvironmentVariableView),
  }),
};
