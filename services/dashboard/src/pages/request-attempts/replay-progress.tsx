import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { QueryState } from '../../components/query-state';
import { TimeText } from '../../components/time-text';
import { useApi } from '../../session/session-context';

const STATUS_LABELS: Record<Schemas['Replay']['status'], string> = { running: 'Running', completed: 'Completed', cancelled: 'Cancelled' };

/** A replay's progress (`GET /replays/{id}`), read every 2 s while it runs; it may be cancelled meanwhile. */
export function ReplayProgress({ applicationId, replayId }: { readonly applicationId: string; readonly replayId: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const queryKey = ['replay', applicationId, replayId];
  const path = { replay_id: replayId };
  const replay = useQuery({
    queryKey,
    queryFn: () => unwrap(api.GET('/replays/{replay_id}', { params: { path, query: { application_id: applicationId } } })),
    refetchInterval: (query) => (query.state.data?.status === 'completed' || query.state.data?.status === 'cancelled' ? false : 2_000),
  });
  const cancel = useMutation({
    mutationFn: () => unwrap(api.DELETE('/replays/{replay_id}', { params: { path, query: { application_id: applicationId } } })),
    onSuccess: (cancelled) => queryClient.setQueryData(queryKey, cancelled),
  });
  return (
    <article aria-labelledby="replay-progress-heading">
      <h3 id="replay-progress-heading">Replay progress</h3>
      <QueryState query={replay}>
        {(found) => (
          <>
            <p>
              {STATUS_LABELS[found.status]}: {found.scheduled} of {found.matched} deliveries scheduled, {found.delivered} delivered,{' '}
              {found.skipped} skipped ({found.events} events).
              {found.finished_at ? (
                <>
                  {' '}
                  Finished <TimeText value={found.finished_at} />.
                </>
              ) : null}
            </p>
            {found.status === 'running' ? (
              <button
                type="button"
                className="secondary"
                onClick={() => cancel.mutate()}
                aria-busy={cancel.isPending}
                disabled={cancel.isPending}
              >
                Cancel replay
              </button>
            ) : null}
            <ErrorNotice error={cancel.error} />
          </>
        )}
      </QueryState>
    </article>
  );
}
