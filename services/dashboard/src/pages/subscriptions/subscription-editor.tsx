import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { invalidFields } from '../../api/validation-messages';
import { ErrorNotice } from '../../components/error-notice';
import { useApi } from '../../session/session-context';
import { useApplicationScope } from '../../session/use-scope';
import { EventTypeCheckboxes } from './event-type-checkboxes';
import { KeyValueRows } from './key-value-rows';
import { RetrySettingsFields } from './retry-settings-fields';
import { formToBody, HTTP_METHODS, type HttpMethod, type SubscriptionForm } from './subscription-form';
import { subscriptionKeys } from './subscription-queries';

interface SubscriptionEditorProps {
  readonly initial: SubscriptionForm;
  /** The subscription being edited; absent when creating one. */
  readonly subscriptionId?: string;
}

/** The subscription form: creates (POST) or replaces (PUT) a subscription, then opens its page. */
export function SubscriptionEditor({ initial, subscriptionId }: SubscriptionEditorProps) {
  const api = useApi();
  const scope = useApplicationScope();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState(initial);
  const change = (patch: Partial<SubscriptionForm>) => setForm((current) => ({ ...current, ...patch }));
  const save = useMutation({
    mutationFn: () => {
      const body = formToBody(form, scope.applicationId);
      return subscriptionId
        ? unwrap(api.PUT('/subscriptions/{subscription_id}', { params: { path: { subscription_id: subscriptionId } }, body }))
        : unwrap(api.POST('/subscriptions', { body }));
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(subscriptionKeys.one(saved.subscription_id), saved);
      await queryClient.invalidateQueries({ queryKey: subscriptionKeys.list(scope.applicationId) });
      await navigate(`${scope.base}/subscriptions/${saved.subscription_id}`);
    },
  });
  const invalid = save.error instanceof ApiProblem ? invalidFields(save.error.problem?.validation) : [];
  const isInvalid = (field: string) => invalid.some((path) => path === field || path.startsWith(`${field}.`));
  const ariaInvalid = (field: string) => (isInvalid(field) ? true : undefined);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const cancelTo = subscriptionId ? `${scope.base}/subscriptions/${subscriptionId}` : `${scope.base}/subscriptions`;
  return (
    <form onSubmit={onSubmit}>
      <label>
        Description
        <input
          value={form.description}
          maxLength={100}
          aria-invalid={ariaInvalid('description')}
          onChange={(e) => change({ description: e.target.value })}
        />
      </label>
      <div className="grid">
        <label>
          Target URL
          <input
            type="url"
            required
            value={form.url}
            placeholder="https://example.com/webhooks"
            aria-invalid={ariaInvalid('target.url')}
            onChange={(e) => change({ url: e.target.value })}
          />
        </label>
        <label>
          HTTP method
          <select
            value={form.method}
            aria-invalid={ariaInvalid('target.method')}
            onChange={(e) => change({ method: e.target.value as HttpMethod })}
          >
            {HTTP_METHODS.map((method) => (
              <option key={method} value={method}>
                {method}
              </option>
            ))}
          </select>
        </label>
      </div>
      <EventTypeCheckboxes
        selected={form.eventTypes}
        invalid={isInvalid('event_types')}
        onChange={(eventTypes) => change({ eventTypes })}
      />
      <KeyValueRows
        legend="Labels"
        noun="label"
        nameLabel="Label name"
        valueLabel="Label value"
        hint="Events are delivered to this subscription when they carry every label listed here (1 to 10 labels)."
        required
        rows={form.labels}
        invalid={isInvalid('labels')}
        onChange={(labels) => change({ labels })}
      />
      <KeyValueRows
        legend="Headers"
        noun="header"
        nameLabel="Header name"
        valueLabel="Header value"
        hint="Sent with every delivery, for instance to authenticate to the receiver."
        required
        rows={form.headers}
        invalid={isInvalid('target.headers')}
        onChange={(headers) => change({ headers })}
      />
      <RetrySettingsFields value={form} isInvalid={isInvalid} onChange={change} />
      <label>
        <input type="checkbox" checked={form.isEnabled} onChange={(e) => change({ isEnabled: e.target.checked })} />
        Enabled
      </label>
      <ErrorNotice error={save.error} />
      <div className="page-actions">
        <button type="submit" aria-busy={save.isPending} disabled={save.isPending}>
          {subscriptionId ? 'Save subscription' : 'Create subscription'}
        </button>
        <Link to={cancelTo}>Cancel</Link>
      </div>
    </form>
  );
}
