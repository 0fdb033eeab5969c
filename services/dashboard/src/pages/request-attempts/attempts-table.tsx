import { Link } from 'react-router';
import { TimeText } from '../../components/time-text';
import { attemptLinkName, attemptStatusLabel, shortId, type RequestAttempt } from './attempt-status';
import { TableScroll } from '../../components/table-scroll';

interface AttemptsTableProps {
  readonly attempts: readonly RequestAttempt[];
  /** The application's address, under which the attempt, event and subscription pages live. */
  readonly base: string;
  /** Leave out the event column (on an event's own page). */
  readonly withoutEvent?: boolean;
}

/** Request attempts, each linking to its page, its event and its subscription; status in words. */
export function AttemptsTable({ attempts, base, withoutEvent = false }: AttemptsTableProps) {
  return (
    <TableScroll label="Request attempts">
      <table>
        <thead>
          <tr>
            <th scope="col">Attempt</th>
            <th scope="col">Created</th>
            {withoutEvent ? null : <th scope="col">Event</th>}
            <th scope="col">Subscription</th>
            <th scope="col">Status</th>
            <th scope="col">Retry</th>
            <th scope="col">HTTP status</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((attempt) => (
            <tr key={attempt.request_attempt_id}>
              <td className="nowrap">
                <Link to={`${base}/request_attempts/${attempt.request_attempt_id}`} aria-label={attemptLinkName(attempt)}>
                  View attempt <code>{shortId(attempt.request_attempt_id)}</code>
                </Link>
              </td>
              <td>
                <TimeText value={attempt.created_at} />
              </td>
              {withoutEvent ? null : (
                <td>
                  <Link to={`${base}/events/${attempt.event.event_id}`}>
                    <code>{shortId(attempt.event.event_id)}</code>
                  </Link>{' '}
                  {attempt.event.event_type_name}
                </td>
              )}
              <td>
                <Link to={`${base}/subscriptions/${attempt.subscription.subscription_id}`}>
                  {attempt.subscription.description || <code>{shortId(attempt.subscription.subscription_id)}</code>}
                </Link>
              </td>
              <td>{attemptStatusLabel(attempt)}</td>
              <td>{attempt.retry_count}</td>
              <td>{attempt.http_response_status ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
