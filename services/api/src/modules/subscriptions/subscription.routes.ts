import { Type } from '@sinclair/typebox';
import { SubscriptionView } from '../../http/views';
import { ApplicationQueryDto } from '../../http/application-query.dto';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { SubscriptionIdParamsDto, SubscriptionPostDto } from './subscription.dto';
import { toSubscriptionListView, toSubscriptionView } from './subscription.presenter';
import type { SubscriptionService } from './subscription.service';

export function subscriptionRoutes(subscriptions: SubscriptionService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/subscriptions',
      operationId: 'subscriptions.list',
      summary: 'List the live subscriptions of an application, oldest first (secrets and header values hidden from viewers)',
      tag: 'Subscriptions',
      auth: 'token',
      query: ApplicationQueryDto,
      status: 200,
      view: Type.Array(SubscriptionView),
      handler: async ({ principal, query }) => toSubscriptionListView(await subscriptions.list(principal, query.application_id)),
    }),
    defineRoute({
      method: 'post',
      path: '/subscriptions',
      operationId: 'subscriptions.create',
      summary: 'Create a subscription',
      tag: 'Subscriptions',
      auth: 'token',
      body: SubscriptionPostDto,
      status: 201,
      view: SubscriptionView,
      handler: async ({ principal, body }) => toSubscriptionView(await subscriptions.create(principal, body)),
    }),
    defineRoute({
      method: 'get',
      path: '/subscriptions/:subscription_id',
      operationId: 'subscriptions.get',
      summary: 'Get a subscription (secrets and header values hidden from viewers)',
      tag: 'Subscriptions',
      auth: 'token',
      params: SubscriptionIdParamsDto,
      status: 200,
      view: SubscriptionView,
      handler: async ({ principal, params }) => toSubscriptionView(await subscriptions.get(principal, params.subscription_id)),
    }),
    defineRoute({
      method: 'put',
      path: '/subscriptions/:subscription_id',
      operationId: 'subscriptions.update',
      summary: 'Replace a subscription (disabling fails its pending attempts)',
      tag: 'Subscriptions',
      auth: 'token',
      params: SubscriptionIdParamsDto,
      body: SubscriptionPostDto,
      status: 200,
      view: SubscriptionView,
      handler: async ({ principal, params, body }) =>
        toSubscriptionView(await subscriptions.replace(principal, params.subscription_id, body)),
    }),
    defineRoute({
      method: 'delete',
      path: '/subscriptions/:subscription_id',
      operationId: 'subscriptions.delete',
      summary: 'Delete a subscription (soft) and fail its pending attempts',
      tag: 'Subscriptions',
      auth: 'token',
      params: SubscriptionIdParamsDto,
      query: ApplicationQueryDto,
      status: 204,
      handler: ({ principal, params, query }) => subscriptions.delete(principal, query.application_id, params.subscription_id),
    }),
  ];
}
