import { useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useApplicationScope, useCanEdit, useOrganizations } from '../../session/use-scope';
import { emptySubscriptionForm, subscriptionToForm } from './subscription-form';
import { SubscriptionEditor } from './subscription-editor';
import { useSubscription } from './subscription-queries';
import './subscriptions.css';

/** `subscriptions/new` and `subscriptions/:subscriptionId/edit`: the subscription form, for editors only. */
export function SubscriptionFormPage() {
  const { subscriptionId } = useParams();
  const scope = useApplicationScope();
  const organizations = useOrganizations();
  const canEdit = useCanEdit(scope.organizationId);
  const title = subscriptionId ? 'Edit subscription' : 'New subscription';
  if (organizations.isPending) return <p aria-busy="true">Loading…</p>;
  if (!canEdit)
    return (
      <section>
        <PageHeader title={title} />
        <p>Only editors of this organization can create or change subscriptions.</p>
      </section>
    );
  return (
    <section>
      <PageHeader title={title} />
      {subscriptionId ? <EditSubscription subscriptionId={subscriptionId} /> : <SubscriptionEditor initial={emptySubscriptionForm()} />}
    </section>
  );
}

function EditSubscription({ subscriptionId }: { readonly subscriptionId: string }) {
  const subscription = useSubscription(subscriptionId);
  return (
    <QueryState query={subscription}>
      {(loaded) => <SubscriptionEditor key={loaded.subscription_id} initial={subscriptionToForm(loaded)} subscriptionId={subscriptionId} />}
    </QueryState>
  );
}
