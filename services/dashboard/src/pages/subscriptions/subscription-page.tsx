import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useApplicationScope, useCanEdit } from '../../session/use-scope';
import { SubscriptionActions } from './subscription-actions';
import { SubscriptionDetails } from './subscription-details';
import { SubscriptionHealth } from './subscription-health';
import { useSubscription } from './subscription-queries';
import { SubscriptionSecret } from './subscription-secret';
import { SubscriptionStats } from './subscription-stats';
import { subscriptionName } from './subscription-text';
import './subscriptions.css';

/** One subscription: its target and filters, health, delivery stats; for editors its actions and signing secret. */
export function SubscriptionPage() {
  const { subscriptionId = '' } = useParams();
  const scope = useApplicationScope();
  const canEdit = useCanEdit(scope.organizationId);
  const subscription = useSubscription(subscriptionId);
  return (
    <QueryState query={subscription}>
      {(loaded) => (
        <section>
          <PageHeader title={subscriptionName(loaded.description)}>
            {canEdit ? <Link to={`${scope.base}/subscriptions/${subscriptionId}/edit`}>Edit</Link> : null}
          </PageHeader>
          <SubscriptionDetails subscription={loaded} />
          <SubscriptionHealth health={loaded.health} />
          {canEdit ? <SubscriptionActions subscription={loaded} /> : null}
          {canEdit ? <SubscriptionSecret subscription={loaded} /> : null}
          <SubscriptionStats subscriptionId={subscriptionId} />
        </section>
      )}
    </QueryState>
  );
}
