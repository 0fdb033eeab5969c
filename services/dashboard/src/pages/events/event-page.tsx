import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useApi } from '../../session/session-context';
import { useApplicationScope, useCanEdit, type ApplicationScope } from '../../session/use-scope';
import { AttemptsTable } from '../request-attempts/attempts-table';
import { useAttemptsPage } from '../request-attempts/use-attempts-page';
import { EventDetails } from './event-details';
import { PayloadPanel } from './payload-panel';
import { ReplayButton, ReplayOutcome, useReplayEvent } from './use-replay-event';

/** One event: what was stored, its payload decoded, its request attempts; editors may replay it. */
export function EventPage() {
  const api = useApi();
  const scope = useApplicationScope();
  const { eventId = '' } = useParams();
  const canEdit = useCanEdit(scope.organizationId);
  const replay = useReplayEvent(scope.applicationId, eventId);
  const event = useQuery({
    queryKey: ['event', scope.applicationId, eventId],
    queryFn: () =>
      unwrap(api.GET('/events/{event_id}', { params: { path: { event_id: eventId }, query: { application_id: scope.applicationId } } })),
  });
  return (
    <section>
      <PageHeader title="Event">{canEdit && event.isSuccess ? <ReplayButton mutation={replay.mutation} /> : null}</PageHeader>
      {canEdit ? <ReplayOutcome mutation={replay.mutation} /> : null}
      <QueryState query={event}>
        {(found) => (
          <>
            <EventDetails event={found} />
            <PayloadPanel payload={found.payload} contentType={found.payload_content_type} />
            <EventAttempts scope={scope} eventId={eventId} watching={replay.watching} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function EventAttempts({
  scope,
  eventId,
  watching,
}: {
  readonly scope: ApplicationScope;
  readonly eventId: string;
  readonly watching: boolean;
}) {
  const attempts = useAttemptsPage(scope.applicationId, { event_id: eventId }, null, { pollUnfinished: true, pollAnyway: watching });
  const allAttempts = `${scope.base}/request_attempts?event_id=${encodeURIComponent(eventId)}`;
  return (
    <section aria-labelledby="event-attempts-heading">
      <h2 id="event-attempts-heading">Request attempts</h2>
      <QueryState query={attempts}>
        {(page) =>
          page.attempts.length === 0 ? (
            <p>No request attempt yet: no subscription matched this event, or it is still being fanned out.</p>
          ) : (
            <>
              <AttemptsTable attempts={page.attempts} base={scope.base} withoutEvent />
              <p>
                {page.nextCursor ? 'These are the 50 most recent. ' : null}
                <Link to={allAttempts}>All request attempts of this event</Link>
              </p>
            </>
          )
        }
      </QueryState>
    </section>
  );
}
