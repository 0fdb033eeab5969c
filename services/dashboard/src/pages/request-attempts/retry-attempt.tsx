import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { useApi } from '../../session/session-context';
import { attemptLinkName, attemptStatusLabel, shortId, type RequestAttempt } from './attempt-status';
import { useAttemptsPage } from './use-attempts-page';

interface RetryAttemptProps {
  readonly applicationId: string;
  readonly attempt: RequestAttempt;
  readonly base: string;
}

/**
 * `POST /request_attempts/{id}/retry` (body `{application_id}`, answer 202 and the new attempt): the event goes
 * again to this attempt's subscription only, with a fresh retry schedule (docs/api.md "Subscription actions").
 * The API refuses it while another attempt of the same delivery is unfinished, so that case is said up front.
 */
export function RetryAttempt({ applicationId, attempt, base }: RetryAttemptProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const delivery = {
    event_id: attempt.event_id,
    subscription_id: attempt.subscription.subscription_id,
    status: 'pending,waiting,inprogress',
  };
  const unfinished = useAttemptsPage(applicationId, delivery, null, { pollUnfinished: true });
  const retry = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/request_attempts/{request_attempt_id}/retry', {
          params: { path: { request_attempt_id: attempt.request_attempt_id } },
          body: { application_id: applicationId },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['request-attempts', applicationId] }),
  });
  const created = retry.data;
  const pending = created ? undefined : unfinished.data?.attempts[0];
  return (
    <section aria-labelledby="retry-heading">
      <h2 id="retry-heading">Retry</h2>
      <p>Sends the event again to this subscription only, as a new attempt with a fresh retry schedule.</p>
      {pending ? (
        <p>
          Another attempt of this delivery is not finished yet; retry once it has:{' '}
          <Link to={`${base}/request_attempts/${pending.request_attempt_id}`}>{attemptLinkName(pending)}</Link>
        </p>
      ) : created ? null : (
        <button type="button" onClick={() => retry.mutate()} aria-busy={retry.isPending} disabled={retry.isPending}>
          Retry
        </button>
      )}
      <div role="status">
        {created ? (
          <p>
            New attempt <code>{shortId(created.request_attempt_id)}</code> created ({attemptStatusLabel(created)}).{' '}
            <Link to={`${base}/request_attempts/${created.request_attempt_id}`}>Open the new attempt</Link>
          </p>
        ) : null}
      </div>
      <ErrorNotice error={retry.error} />
    </section>
  );
}
