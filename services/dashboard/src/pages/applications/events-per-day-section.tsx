import { lazy, Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../api/client';
import { QueryState } from '../../components/query-state';
import { useApi } from '../../session/session-context';
import { eventsPerDayQueryKey } from './application-queries';
import { describeDays, everyDay, formatLimit, lastDays, type DayCount } from './events-per-day';
import { TableScroll } from '../../components/table-scroll';

const DAYS = 30;

// The charting library is large: only this page loads it.
const EventsPerDayChart = lazy(() => import('./events-per-day-chart').then((module) => ({ default: module.EventsPerDayChart })));

/** Events received per UTC day over the last 30 days: a sentence, a bar chart, and the same numbers as a table. */
export function EventsPerDaySection({ application }: { readonly application: Schemas['ApplicationInfo'] }) {
  const api = useApi();
  const applicationId = application.application_id;
  const days = useQuery({
    queryKey: eventsPerDayQueryKey(applicationId),
    queryFn: async () => {
      const range = lastDays(new Date(), DAYS);
      const rows = await unwrap(api.GET('/events_per_day/application', { params: { query: { application_id: applicationId, ...range } } }));
      return everyDay(range, rows);
    },
  });
  return (
    <section aria-labelledby="events-per-day">
      <h2 id="events-per-day">Events per day</h2>
      <p>
        Counted today, replays included: {application.consumption.events_per_day} (limit:{' '}
        {formatLimit(application.quotas.events_per_day_limit)}).
      </p>
      <QueryState query={days}>
        {(list) => (
          <>
            <p>{describeDays(list)}</p>
            <Suspense fallback={<p aria-busy="true">Loading the chart…</p>}>
              <EventsPerDayChart days={list} />
            </Suspense>
            <DaysTable days={list} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function DaysTable({ days }: { readonly days: readonly DayCount[] }) {
  return (
    <details>
      <summary>Events per day as a table</summary>
      <TableScroll label="Events per day">
        <table>
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col">Events</th>
            </tr>
          </thead>
          <tbody>
            {[...days].reverse().map((day) => (
              <tr key={day.date}>
                <td>
                  <time dateTime={day.date}>{day.date}</time>
                  {day.provisional ? ' (today, still counting)' : ''}
                </td>
                <td>{day.amount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}
