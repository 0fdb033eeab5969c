import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { useApi } from '../../session/session-context';
import { attemptStatusLabel, shortId } from './attempt-status';

interface RetryAttemptProps {
  readonly applicationId: string;
  readonly requestAttemptId: string;
  readonly base: string;
}

/**
 * `POST /request_attempts/{id}/retry` (body `{application_id}`, answer 202 and the new attempt): the event goes
 * again to this attempt's subscription only, with a fresh retry schedule (docs/api.md "Subscription actions").
 */
export function RetryAttempt({ applicationId, requestAttemptId, base }: RetryAttemptProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/request_attempts/{request_attempt_id}/retry', {
          params: { path: { request_attempt_id: requestAttemptId } },
          body: { application_id: applicationId },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['request-attempts', applicationId] }),
  });
  const created = retry.data;
  return (
    <section aria-labelledby="retry-heading">
      <h2 id="retry-heading">Retry</h2>
      <p>Sends the event again to this subscription only, as a new attempt with a fresh retry schedule.</p>
      <button type="button" onClick={() => retry.mutate()} aria-busy={retry.isPending} disabled={retry.isPending}>
        Retry
      </button>
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
