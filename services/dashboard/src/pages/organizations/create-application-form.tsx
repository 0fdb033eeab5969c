import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { useApi } from '../../session/session-context';
import { applicationsQueryKey, organizationQueryKey } from './organization-queries';

/** Creates an application in the organization, then opens it (its overview says what to do next). */
export function CreateApplicationForm({ organizationId }: { readonly organizationId: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/applications', { body: { organization_id: organizationId, name: name.trim() } })),
    onSuccess: async (application) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: applicationsQueryKey(organizationId) }),
        queryClient.invalidateQueries({ queryKey: organizationQueryKey(organizationId) }),
      ]);
      await navigate(`/organizations/${organizationId}/applications/${application.application_id}`);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="create-application">
      <h3 id="create-application">New application</h3>
      <fieldset role="group">
        <input
          aria-label="Application name"
          placeholder="Name"
          required
          minLength={2}
          maxLength={50}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" aria-busy={create.isPending} disabled={create.isPending}>
          Create application
        </button>
      </fieldset>
      <ErrorNotice error={create.error} />
    </form>
  );
}
