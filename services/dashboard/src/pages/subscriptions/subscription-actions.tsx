import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { useApi } from '../../session/session-context';
import { useApplicationScope } from '../../session/use-scope';
import { withEnabled } from './subscription-form';
import { subscriptionKeys } from './subscription-queries';

type Subscription = Schemas['Subscription'];

/** What an editor does to a subscription: switch it on or off, send it a test delivery, delete it. */
export function SubscriptionActions({ subscription }: { readonly subscription: Subscription }) {
  return (
    <section aria-labelledby="subscription-actions">
      <h2 id="subscription-actions">Actions</h2>
      <ToggleEnabled subscription={subscription} />
      <TestDelivery subscriptionId={subscription.subscription_id} />
      <DeleteSubscription subscriptionId={subscription.subscription_id} />
    </section>
  );
}

function ToggleEnabled({ subscription }: { readonly subscription: Subscription }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const subscriptionId = subscription.subscription_id;
  const toggle = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/subscriptions/{subscription_id}', {
          params: { path: { subscription_id: subscriptionId } },
          body: withEnabled(subscription, !subscription.is_enabled),
        }),
      ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(subscriptionKeys.one(subscriptionId), saved);
      await queryClient.invalidateQueries({ queryKey: subscriptionKeys.list(saved.application_id) });
    },
  });
  return (
    <div>
      <p>
        {subscription.is_enabled ? 'Deliveries are sent.' : 'Disabled: no delivery is sent.'}{' '}
        <button
          type="button"
          className="secondary"
          aria-busy={toggle.isPending}
          disabled={toggle.isPending}
          onClick={() => toggle.mutate()}
        >
          {subscription.is_enabled ? 'Disable' : 'Enable'}
        </button>
      </p>
      <ErrorNotice error={toggle.error} />
    </div>
  );
}

function TestDelivery({ subscriptionId }: { readonly subscriptionId: string }) {
  const api = useApi();
  const scope = useApplicationScope();
  const queryClient = useQueryClient();
  const test = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/subscriptions/{subscription_id}/test', {
          params: { path: { subscription_id: subscriptionId } },
          body: { application_id: scope.applicationId },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: subscriptionKeys.one(subscriptionId) }),
  });
  return (
    <div>
      <button type="button" className="secondary" aria-busy={test.isPending} disabled={test.isPending} onClick={() => test.mutate()}>
        Send test delivery
      </button>
      <ErrorNotice error={test.error} />
      <div role="status">
        {test.data ? (
          <p>
            Test delivery queued: a <code>{test.data.event.event_type_name}</code> event, attempt {test.data.status.type}.{' '}
            <Link to={`${scope.base}/request_attempts/${test.data.request_attempt_id}`}>Open the test attempt</Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}

function DeleteSubscription({ subscriptionId }: { readonly subscriptionId: string }) {
  const api = useApi();
  const scope = useApplicationScope();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/subscriptions/{subscription_id}', {
          params: { path: { subscription_id: subscriptionId }, query: { application_id: scope.applicationId } },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: subscriptionKeys.list(scope.applicationId) });
      await navigate(`${scope.base}/subscriptions`);
      queryClient.removeQueries({ queryKey: subscriptionKeys.one(subscriptionId) });
    },
  });
  const deleteButton = useRef<HTMLButtonElement>(null);
  const cancel = () => {
    setConfirming(false);
    deleteButton.current?.focus();
  };
  return (
    <div>
      <p>
        <button
          ref={deleteButton}
          type="button"
          className="contrast outline"
          aria-expanded={confirming}
          onClick={() => setConfirming(true)}
        >
          Delete subscription
        </button>
      </p>
      {confirming ? (
        <article aria-labelledby="confirm-delete">
          <p id="confirm-delete">
            Delete this subscription? It stops receiving events and its pending deliveries fail. This cannot be undone.
          </p>
          <div className="page-actions">
            <button
              type="button"
              className="contrast"
              autoFocus
              aria-busy={remove.isPending}
              disabled={remove.isPending}
              onClick={() => remove.mutate()}
            >
              Yes, delete subscription
            </button>
            <button type="button" className="secondary outline" onClick={cancel}>
              Cancel
            </button>
          </div>
          <ErrorNotice error={remove.error} />
        </article>
      ) : null}
    </div>
  );
}
