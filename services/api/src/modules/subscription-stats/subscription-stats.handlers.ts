import type { HandlersOf } from '../../http/route';
import { toSubscriptionStatsView } from './subscription-stats.presenter';
import type { SubscriptionStatsService } from './subscription-stats.service';
import type { subscriptionStatsRoutes } from './subscription-stats.routes';

export function subscriptionStatsHandlers(stats: SubscriptionStatsService): HandlersOf<typeof subscriptionStatsRoutes> {
  return {
    get: async ({ grant, params, query }) =>
      toSubscriptionStatsView(await stats.get(grant, params.subscription_id, query.period, query.bucket)),
  };
}
