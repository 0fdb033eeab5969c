import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useApi } from '../../session/session-context';
import { useApplicationScope, useCanEdit } from '../../session/use-scope';
import { AttemptResponse } from './attempt-response';
import { attemptRefetchInterval, canBeRetried, isUnfinished } from './attempt-status';
import { AttemptSummary } from './attempt-summary';
import { RetryAttempt } from './retry-attempt';

/** One request attempt and its response, read again every few seconds until it finishes; editors may retry it. */
export function RequestAttemptPage() {
  const api = useApi();
  const scope = useApplicationScope();
  const canEdit = useCanEdit(scope.organizationId);
  const { requestAttemptId = '' } = useParams();
  const attempt = useQuery({
    queryKey: ['request-attempt', scope.applicationId, requestAttemptId],
    queryFn: () =>
      unwrap(
        api.GET('/request_attempts/{request_attempt_id}', {
          params: { path: { request_attempt_id: requestAttemptId }, query: { application_id: scope.applicationId } },
        }),
      ),
    refetchInterval: (query) => attemptRefetchInterval(query.state.data, new Date()),
  });
  return (
    <section>
      <PageHeader title="Request attempt" />
      <QueryState query={attempt}>
        {(found) => (
          <>
            <AttemptSummary attempt={found} base={scope.base} />
            {isUnfinished(found) ? <p>Not finished yet: this page checks again every few seconds.</p> : null}
            <AttemptResponse
              key={found.response_id ?? 'none'}
              applicationId={scope.applicationId}
              responseId={found.response_id}
              finished={!isUnfinished(found)}
            />
            {canEdit && canBeRetried(found) ? (
              <RetryAttempt key={found.request_attempt_id} applicationId={scope.applicationId} attempt={found} base={scope.base} />
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}
