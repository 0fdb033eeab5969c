import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/error-notice';
import { eventTypeOptions, useEventTypeNames } from '../events/use-event-types';
import { isoToLocalInput, localInputToIso, STATUS_CHOICES, type AttemptFilters } from './attempt-filters';
import { useSubscriptionChoices } from './use-subscription-choices';

interface AttemptFilterFormProps {
  readonly applicationId: string;
  readonly filters: AttemptFilters;
  readonly onApply: (filters: AttemptFilters) => void;
}

/** Every filter `GET /request_attempts` takes; applying them puts them in the address and shows their first page. */
export function AttemptFilterForm({ applicationId, filters, onApply }: AttemptFilterFormProps) {
  const subscriptions = useSubscriptionChoices(applicationId);
  const eventTypes = useEventTypeNames(applicationId);
  const [draft, setDraft] = useState<AttemptFilters>(filters);
  const set = (name: keyof AttemptFilters) => (value: string) => setDraft((current) => ({ ...current, [name]: value }));
  const statusChoices = STATUS_CHOICES.some((choice) => choice.value === (draft.status ?? ''))
    ? STATUS_CHOICES
    : [...STATUS_CHOICES, { value: draft.status ?? '', label: draft.status ?? '' }];
  const subscriptionChoices = subscriptions.data ?? [];
  const chosenSubscription = draft.subscription_id ?? '';
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form onSubmit={onSubmit} aria-label="Filter request attempts">
      <div className="grid">
        <label>
          Status
          <select value={draft.status ?? ''} onChange={(e) => set('status')(e.target.value)}>
            {statusChoices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Subscription
          <select value={chosenSubscription} onChange={(e) => set('subscription_id')(e.target.value)}>
            <option value="">Any subscription</option>
            {chosenSubscription && !subscriptionChoices.some((choice) => choice.id === chosenSubscription) ? (
              <option value={chosenSubscription}>{chosenSubscription}</option>
            ) : null}
            {subscriptionChoices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Event type
          <select value={draft['event.event_type_names'] ?? ''} onChange={(e) => set('event.event_type_names')(e.target.value)}>
            <option value="">Any event type</option>
            {eventTypeOptions(eventTypes.data, draft['event.event_type_names'] ?? '').map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="grid">
        <label>
          Event id
          <input value={draft.event_id ?? ''} onChange={(e) => set('event_id')(e.target.value)} spellCheck={false} />
        </label>
        <label>
          Created from
          <input
            type="datetime-local"
            value={isoToLocalInput(draft.min_created_at)}
            onChange={(e) => set('min_created_at')(localInputToIso(e.target.value) ?? '')}
          />
        </label>
        <label>
          Created until
          <input
            type="datetime-local"
            value={isoToLocalInput(draft.max_created_at)}
            onChange={(e) => set('max_created_at')(localInputToIso(e.target.value) ?? '')}
          />
        </label>
      </div>
      <div className="form-actions">
        <button type="submit">Filter</button>
        {Object.keys(filters).length > 0 ? <Link to={{ search: '' }}>Clear filters</Link> : null}
      </div>
      <ErrorNotice error={subscriptions.error ?? eventTypes.error} />
    </form>
  );
}
