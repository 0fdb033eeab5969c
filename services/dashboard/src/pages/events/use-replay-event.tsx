import { useEffect, useState } from 'react';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { useApi } from '../../session/session-context';

/** How long after a replay the event's attempts are read every 2 s, while the dispatcher fans it out again. */
const WATCH_AFTER_REPLAY_MS = 30_000;

/**
 * `POST /events/{id}/replay` (body `{application_id}`, answer 204): the event goes again to every subscription that
 * matches it now. `watching` stays true for a while after, so the page can show the new attempts as they come.
 */
export function useReplayEvent(applicationId: string, eventId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [replayedAt, setReplayedAt] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/events/{event_id}/replay', { params: { path: { event_id: eventId } }, body: { application_id: applicationId } })),
    onSuccess: async () => {
      setReplayedAt(Date.now());
      await queryClient.invalidateQueries({ queryKey: ['request-attempts', applicationId] });
    },
  });
  useEffect(() => {
    if (replayedAt === null) return;
    const timer = setTimeout(() => setReplayedAt(null), WATCH_AFTER_REPLAY_MS);
    return () => clearTimeout(timer);
  }, [replayedAt]);
  return { mutation, watching: replayedAt !== null };
}

type ReplayMutation = UseMutationResult<unknown, Error, void>;

export function ReplayButton({ mutation }: { readonly mutation: ReplayMutation }) {
  return (
    <button type="button" onClick={() => mutation.mutate()} aria-busy={mutation.isPending} disabled={mutation.isPending}>
      Replay
    </button>
  );
}

/** What the replay did, announced to screen readers. */
export function ReplayOutcome({ mutation }: { readonly mutation: ReplayMutation }) {
  return (
    <>
      <div role="status">
        {mutation.isSuccess ? (
          <p>Replay requested: the event is sent again to the subscriptions that match it now. Its new attempts appear below.</p>
        ) : null}
      </div>
      <ErrorNotice error={mutation.error} />
    </>
  );
}
