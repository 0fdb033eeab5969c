import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { TimeText } from '../../components/time-text';
import { useApi } from '../../session/session-context';
import { useApplicationScope } from '../../session/use-scope';
import { eventsFilterFromSearch, isFiltered, matchesEventsFilter, searchForEventsFilter } from './events-filter';
import { EventsFilterForm } from './events-filter-form';
import { KeyValues } from './key-values';
import { TableScroll } from '../../components/table-scroll';

/** The application's 100 most recent events (all `GET /events` gives), filtered here by type and label. */
export function EventsPage() {
  const api = useApi();
  const scope = useApplicationScope();
  const [search, setSearch] = useSearchParams();
  const filter = eventsFilterFromSearch(search);
  const events = useQuery({
    queryKey: ['events', scope.applicationId],
    queryFn: () => unwrap(api.GET('/events', { params: { query: { application_id: scope.applicationId } } })),
  });
  return (
    <section>
      <PageHeader title="Events" />
      <p>The 100 most recent events of this application, newest first. The filters apply to those.</p>
      <EventsFilterForm
        key={search.toString()}
        applicationId={scope.applicationId}
        filter={filter}
        onApply={(next) => setSearch(searchForEventsFilter(next))}
      />
      <QueryState query={events}>
        {(list) => {
          const shown = list.filter((event) => matchesEventsFilter(event, filter));
          if (list.length === 0) return <p>No event received yet.</p>;
          if (shown.length === 0) return <p>None of the {list.length} most recent events matches these filters.</p>;
          return (
            <>
              {isFiltered(filter) ? (
                <p>
                  {shown.length} of the {list.length} most recent events match.
                </p>
              ) : null}
              <EventsTable events={shown} base={scope.base} />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function EventsTable({ events, base }: { readonly events: Schemas['EventSummary'][]; readonly base: string }) {
  return (
    <TableScroll label="Events">
      <table>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Event type</th>
            <th scope="col">Received</th>
            <th scope="col">Labels</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.event_id}>
              <td>
                <Link to={`${base}/events/${event.event_id}`}>
                  <code>{event.event_id}</code>
                </Link>
              </td>
              <td>{event.event_type_name}</td>
              <td>
                <TimeText value={event.received_at} />
              </td>
              <td>
                <KeyValues map={event.labels} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
