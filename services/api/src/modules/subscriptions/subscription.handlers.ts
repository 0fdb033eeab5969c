import type { HandlersOf } from '../../http/route';
import { toSubscriptionListView, toSubscriptionView } from './subscription.presenter';
import type { subscriptionRoutes } from './subscription.routes';
import type { SubscriptionService } from './subscription.service';

export function subscriptionHandlers(subscriptions: SubscriptionService): HandlersOf<typeof subscriptionRoutes> {
  return {
    list: async ({ grant }) => toSubscriptionListView(await subscriptions.list(grant)),
    create: async ({ grant, body }) => toSubscriptionView(await subscriptions.create(grant, body)),
    get: async ({ grant, params }) => toSubscriptionView(await subscriptions.get(grant, params.subscription_id)),
    update: async ({ grant, params, body }) => toSubscriptionView(await subscriptions.replace(grant, params.subscription_id, body)),
    delete: ({ grant, params }) => subscriptions.delete(grant, params.subscription_id),
  };
}
