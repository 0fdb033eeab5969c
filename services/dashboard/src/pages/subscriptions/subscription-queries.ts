import { queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap, type Api } from '../../api/client';
import { useApi } from '../../session/session-context';
import type { StatsPeriod } from './subscription-stats-data';
import { bucketFor } from './subscription-stats-data';

/** The react-query keys of subscriptions: invalidating `one(id)` also refreshes that subscription's stats. */
export const subscriptionKeys = {
  list: (applicationId: string) => ['subscriptions', applicationId] as const,
  one: (subscriptionId: string) => ['subscription', subscriptionId] as const,
  stats: (subscriptionId: string, period: StatsPeriod) => ['subscription', subscriptionId, 'stats', period] as const,
};

/** The application's subscriptions, for every page that reads them (each may `select` what it needs). */
export function subscriptionsQuery(api: Api, applicationId: string) {
  return queryOptions({
    queryKey: subscriptionKeys.list(applicationId),
    queryFn: () => unwrap(api.GET('/subscriptions', { params: { query: { application_id: applicationId } } })),
  });
}

export function useSubscriptions(applicationId: string) {
  return useQuery(subscriptionsQuery(useApi(), applicationId));
}

export function useSubscription(subscriptionId: string) {
  const api = useApi();
  return useQuery({
    queryKey: subscriptionKeys.one(subscriptionId),
    queryFn: () => unwrap(api.GET('/subscriptions/{subscription_id}', { params: { path: { subscription_id: subscriptionId } } })),
  });
}

export function useSubscriptionStats(applicationId: string, subscriptionId: string, period: StatsPeriod) {
  const api = useApi();
  return useQuery({
    queryKey: subscriptionKeys.stats(subscriptionId, period),
    queryFn: () =>
      unwrap(
        api.GET('/subscriptions/{subscription_id}/stats', {
          params: {
            path: { subscription_id: subscriptionId },
            query: { application_id: applicationId, period, bucket: bucketFor(period) },
          },
        }),
      ),
  });
}
