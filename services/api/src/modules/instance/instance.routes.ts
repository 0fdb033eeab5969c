import { Type } from '@sinclair/typebox';
import { EnvironmentVariableView, InstanceView, ProblemView, QuotasView } from '../../http/views';
import { defineRoute, type RouteDefinition } from '../../http/route';
import type { QuotaService } from '../quotas/quota.service';
import { toQuotasView } from '../quotas/quota.presenter';
import { toEnvironmentVariableView } from './environment-variable.presenter';
import { toInstanceView } from './instance.presenter';
import type { InstanceService } from './instance.service';

/** Public endpoints (docs/hook0-compatibility.md "Instance and health"): no token needed. */
export function instanceRoutes(instance: InstanceService, quotas: QuotaService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/instance',
      operationId: 'instance.get',
      summary: "Get this instance's configuration",
      tag: 'Instance',
      auth: 'none',
      status: 200,
      view: InstanceView,
      handler: async () => toInstanceView(instance.instance()),
    }),
    defineRoute({
      method: 'get',
      path: '/quotas',
      operationId: 'quotas.get',
      summary: 'Get the quota limits in force',
      tag: 'Instance',
      auth: 'none',
      status: 200,
      view: QuotasView,
      handler: async () => toQuotasView(quotas.enabled, quotas.limits()),
    }),
    defineRoute({
      method: 'get',
      path: '/errors',
      operationId: 'errors.list',
      summary: 'List every problem the API can answer with',
      tag: 'Instance',
      auth: 'none',
      status: 200,
      view: Type.Array(ProblemView),
      handler: async () => instance.errors(),
    }),
    defineRoute({
      method: 'get',
      path: '/payload_content_types',
      operationId: 'payload_content_types.list',
      summary: 'List the accepted event payload content types',
      tag: 'Instance',
      auth: 'none',
      status: 200,
      view: Type.Array(Type.String()),
      handler: async () => [...instance.payloadContentTypes()],
    }),
    defineRoute({
      method: 'get',
      path: '/environment_variables',
      operationId: 'environment_variables.list',
      summary: 'List the environment variables the services read, with their defaults (never their values)',
      tag: 'Instance',
      auth: 'none',
      status: 200,
      view: Type.Array(EnvironmentVariableView),
      handler: async () => instance.environmentVariables().map(toEnvironmentVariableView),
    }),
  ];
}
