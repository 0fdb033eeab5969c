import { Link } from 'react-router';
import { TimeText } from '../../components/time-text';
import { attemptStatusLabel, shortId, type RequestAttempt } from './attempt-status';
import { FactsTable, type Fact } from '../../components/facts-table';

/** The status in words, with the time it refers to. */
function StatusDetail({ status }: { readonly status: RequestAttempt['status'] }) {
  switch (status.type) {
    case 'successful':
    case 'failed':
      return (
        <>
          at <TimeText value={status.at} />
          {status.full_processing_ms >= 0 ? `, ${status.full_processing_ms} ms after it was due` : null}
        </>
      );
    case 'inprogress':
      return (
        <>
          being sent since <TimeText value={status.since} />
        </>
      );
    case 'waiting':
      return (
        <>
          a retry, due at <TimeText value={status.until} />
        </>
      );
    case 'pending':
      return (
        <>
          due since <TimeText value={status.since} />
        </>
      );
  }
}

/** Everything the attempt records, with links to its event and subscription. */
export function AttemptSummary({ attempt, base }: { readonly attempt: RequestAttempt; readonly base: string }) {
  const rows: Fact[] = [
    ['Attempt id', <code key="id">{attempt.request_attempt_id}</code>],
    [
      'Status',
      <span key="status">
        <strong>{attemptStatusLabel(attempt)}</strong>: <StatusDetail status={attempt.status} />
      </span>,
    ],
    ['Created', <TimeText key="created" value={attempt.created_at} />],
    ['Delayed until', <TimeText key="delay" value={attempt.delay_until} fallback="Not delayed" />],
    ['Picked by a dispatcher', <TimeText key="picked" value={attempt.picked_at} fallback="Not yet" />],
    ['Succeeded', <TimeText key="succeeded" value={attempt.succeeded_at} fallback="No" />],
    ['Failed', <TimeText key="failed" value={attempt.failed_at} fallback="No" />],
    ['Retry count', attempt.retry_count],
    [
      'Event',
      <span key="event">
        <Link to={`${base}/events/${attempt.event.event_id}`}>
          <code>{attempt.event.event_id}</code>
        </Link>{' '}
        {attempt.event.event_type_name}
      </span>,
    ],
    [
      'Subscription',
      <Link key="subscription" to={`${base}/subscriptions/${attempt.subscription.subscription_id}`}>
        {attempt.subscription.description || <code>{shortId(attempt.subscription.subscription_id)}</code>}
      </Link>,
    ],
    ['HTTP status', attempt.http_response_status ?? '—'],
  ];
  return <FactsTable facts={rows} label="Request attempt" />;
}
