import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { useApi } from '../../session/session-context';
import { ROLES, type Role } from './members';
import { organizationQueryKey } from './organization-queries';

/** Adds an existing user to the organization at once, with the role chosen (no email is sent). */
export function InviteMemberForm({ organizationId }: { readonly organizationId: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const invite = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/organizations/{organization_id}/invite', {
          params: { path: { organization_id: organizationId } },
          body: { email: email.trim(), role },
        }),
      ),
    onSuccess: async () => {
      setEmail('');
      await queryClient.invalidateQueries({ queryKey: organizationQueryKey(organizationId) });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="invite-member">
      <h3 id="invite-member">Invite a member</h3>
      <p>They need an account here first: ask them to sign up, then invite them by the email they signed up with.</p>
      <div className="grid">
        <label>
          Email
          <input type="email" required autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Role
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="submit" aria-busy={invite.isPending} disabled={invite.isPending}>
        Invite
      </button>
      <p role="status">{invite.isSuccess ? `${invite.data.email} joined as ${invite.data.role}.` : ''}</p>
      <ErrorNotice error={invite.error} />
    </form>
  );
}
