import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { useApi } from '../../session/session-context';
import { applicationQueryKey, eventTypesQueryKey } from './application-queries';

/** Deactivates an event type: it leaves the list, and creating it again brings it back. */
export function DeleteEventTypeButton({ applicationId, name }: { readonly applicationId: string; readonly name: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/event_types/{event_type_name}', {
          params: { path: { event_type_name: name }, query: { application_id: applicationId } },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: eventTypesQueryKey(applicationId) }),
        queryClient.invalidateQueries({ queryKey: applicationQueryKey(applicationId) }),
      ]),
  });
  return (
    <div className="row-actions">
      <button
        type="button"
        className="secondary outline"
        aria-label={`Delete event type ${name}`}
        aria-busy={remove.isPending}
        disabled={remove.isPending}
        onClick={() => remove.mutate()}
      >
        Delete
      </button>
      <ErrorNotice error={remove.error} />
    </div>
  );
}
