import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/error-notice';
import { isFiltered, type EventsFilter } from './events-filter';
import { eventTypeOptions, useEventTypeNames } from './use-event-types';

interface EventsFilterFormProps {
  readonly applicationId: string;
  readonly filter: EventsFilter;
  readonly onApply: (filter: EventsFilter) => void;
}

/** Event type and label filters; applying them changes the address, so the filtered view can be shared. */
export function EventsFilterForm({ applicationId, filter, onApply }: EventsFilterFormProps) {
  const eventTypes = useEventTypeNames(applicationId);
  const [eventType, setEventType] = useState(filter.eventType);
  const [label, setLabel] = useState(filter.label);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ eventType, label });
  };
  return (
    <form onSubmit={onSubmit} aria-label="Filter events">
      <div className="grid">
        <label>
          Event type
          <select value={eventType} onChange={(e) => setEventType(e.target.value)}>
            <option value="">Any event type</option>
            {eventTypeOptions(eventTypes.data, eventType).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Label
          <input
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            placeholder="tenant_id=acme"
            aria-describedby="label-filter-help"
          />
          <small id="label-filter-help">key=value, or a key alone for any value.</small>
        </label>
      </div>
      <div className="form-actions">
        <button type="submit">Filter</button>
        {isFiltered(filter) ? <Link to={{ search: '' }}>Clear filters</Link> : null}
      </div>
      <ErrorNotice error={eventTypes.error} />
    </form>
  );
}
