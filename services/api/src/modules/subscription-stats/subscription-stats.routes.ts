import { applicationAccess } from '../../http/access-rule';
import { defineRoute } from '../../http/route';
import { SubscriptionStatsView } from '../../http/views';
import { SubscriptionIdParamsDto } from '../subscriptions/subscription.dto';
import { SubscriptionStatsQueryDto } from './subscription-stats.dto';

/** Per-subscription delivery figures, an extension (docs/api.md "Subscription stats"). */
export const subscriptionStatsRoutes = {
  get: defineRoute({
    method: 'get',
    path: '/subscriptions/:subscription_id/stats',
    operationId: 'subscriptions.stats',
    summary: "A subscription's delivery figures over a period, optionally per time bucket (extension)",
    tag: 'Subscriptions',
    auth: 'token',
    access: applicationAccess('read', 'query'),
    rateLimit: 'caller',
    params: SubscriptionIdParamsDto,
    query: SubscriptionStatsQueryDto,
    status: 200,
    view: SubscriptionStatsView,
  }),
};
