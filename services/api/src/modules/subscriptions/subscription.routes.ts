import { Type } from '@sinclair/typebox';
import { SubscriptionView } from '../../http/views';
import { applicationAccess } from '../../http/access-rule';
import { ApplicationQueryDto } from '../../http/application-query.dto';
import { defineRoute } from '../../http/route';
import { SubscriptionIdParamsDto, SubscriptionPostDto } from './subscription.dto';

const base = { tag: 'Subscriptions', auth: 'token', rateLimit: 'caller' } as const;

export const subscriptionRoutes = {
  list: defineRoute({
    ...base,
    method: 'get',
    path: '/subscriptions',
    operationId: 'subscriptions.list',
    summary: 'List the live subscriptions of an application, oldest first (secrets and header values hidden from viewers)',
    access: applicationAccess('read', 'query'),
    query: ApplicationQueryDto,
    status: 200,
    view: Type.Array(SubscriptionView),
  }),
  create: defineRoute({
    ...base,
    method: 'post',
    path: '/subscriptions',
    operationId: 'subscriptions.create',
    summary: 'Create a subscription',
    access: applicationAccess('write', 'body'),
    body: SubscriptionPostDto,
    status: 201,
    view: SubscriptionView,
  }),
  get: defineRoute({
    ...base,
    method: 'get',
    path: '/subscriptions/:subscription_id',
    operationId: 'subscriptions.get',
    summary: 'Get a subscription (secrets and header values hidden from viewers)',
    access: applicationAccess('read', 'subscription'),
    params: SubscriptionIdParamsDto,
    status: 200,
    view: SubscriptionView,
  }),
  update: defineRoute({
    ...base,
    method: 'put',
    path: '/subscriptions/:subscription_id',
    operationId: 'subscriptions.update',
    summary: 'Replace a subscription (disabling fails its pending attempts)',
    access: applicationAccess('write', 'body'),
    params: SubscriptionIdParamsDto,
    body: SubscriptionPostDto,
    status: 200,
    view: SubscriptionView,
  }),
  delete: defineRoute({
    ...base,
    method: 'delete',
    path: '/subscriptions/:subscription_id',
    operationId: 'subscriptions.delete',
    summary: 'Delete a subscription (soft) and fail its pending attempts',
    access: applicationAccess('write', 'query'),
    params: SubscriptionIdParamsDto,
    query: ApplicationQueryDto,
    status: 204,
  }),
};
