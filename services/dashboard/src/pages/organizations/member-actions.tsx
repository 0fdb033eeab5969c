import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { useApi } from '../../session/session-context';
import { roleChange, type Member } from './members';
import { organizationQueryKey } from './organization-queries';

/** Give a member the other role, or remove them from the organization. */
export function MemberActions({ organizationId, member }: { readonly organizationId: string; readonly member: Member }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const path = { organization_id: organizationId };
  const refresh = () => queryClient.invalidateQueries({ queryKey: organizationQueryKey(organizationId) });
  const change = roleChange(member);
  const changeRole = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/organizations/{organization_id}/invite', { params: { path }, body: { user_id: member.user_id, role: change.role } }),
      ),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () =>
      unwrap(api.DELETE('/organizations/{organization_id}/invite', { params: { path }, body: { user_id: member.user_id } })),
    onSuccess: refresh,
  });
  const busy = changeRole.isPending || remove.isPending;
  return (
    <>
      <div className="row-actions">
        <button
          type="button"
          className="secondary outline"
          aria-label={change.label}
          aria-busy={changeRole.isPending}
          disabled={busy}
          onClick={() => changeRole.mutate()}
        >
          {change.text}
        </button>
        <button
          type="button"
          className="secondary outline"
          aria-label={`Remove ${member.email}`}
          aria-busy={remove.isPending}
          disabled={busy}
          onClick={() => remove.mutate()}
        >
          Remove
        </button>
      </div>
      <ErrorNotice error={changeRole.error ?? remove.error} />
    </>
  );
}
