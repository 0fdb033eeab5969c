import { Link } from 'react-router';
import { QueryState } from '../../components/query-state';
import { useApplicationScope } from '../../session/use-scope';
import { toggleEventType } from './subscription-form';
import { useEventTypes } from '../applications/application-queries';

interface EventTypeCheckboxesProps {
  readonly selected: readonly string[];
  readonly onChange: (selected: string[]) => void;
  readonly invalid?: boolean;
}

/** A checkbox per event type of the application, plus any the subscription names that the application no longer lists. */
export function EventTypeCheckboxes({ selected, onChange, invalid }: EventTypeCheckboxesProps) {
  const scope = useApplicationScope();
  const eventTypes = useEventTypes(scope.applicationId);
  return (
    <fieldset>
      <legend>Event types</legend>
      <QueryState query={eventTypes}>
        {(list) => {
          const listed = list.map((eventType) => eventType.event_type_name);
          const unlisted = selected.filter((name) => !listed.includes(name));
          if (listed.length === 0 && unlisted.length === 0)
            return (
              <p>
                This application has no event types yet: <Link to={`${scope.base}/event_types`}>create one</Link> first.
              </p>
            );
          return [...listed, ...unlisted].map((name) => (
            <label key={name}>
              <input
                type="checkbox"
                checked={selected.includes(name)}
                aria-invalid={invalid ? true : undefined}
                onChange={(e) => onChange(toggleEventType(selected, name, e.target.checked))}
              />
              {name}
              {unlisted.includes(name) ? ' (no longer an event type of this application)' : null}
            </label>
          ));
        }}
      </QueryState>
    </fieldset>
  );
}
