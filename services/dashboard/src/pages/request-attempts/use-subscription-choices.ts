import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../session/session-context';
import { subscriptionsQuery } from '../subscriptions/subscription-queries';
import { shortId } from './attempt-status';

export interface SubscriptionChoice {
  readonly id: string;
  readonly label: string;
}

/** The application's subscriptions, as the subscription filter offers them: by description, else by id. */
export function useSubscriptionChoices(applicationId: string) {
  return useQuery({
    ...subscriptionsQuery(useApi(), applicationId),
    select: (subscriptions): SubscriptionChoice[] =>
      subscriptions
        .map((s) => ({
          id: s.subscription_id,
          label: s.description ? `${s.description} (${shortId(s.subscription_id)})` : s.subscription_id,
        }))
        .sort((a, b) => a.label.localeCompare(b.label)),
  });
}
