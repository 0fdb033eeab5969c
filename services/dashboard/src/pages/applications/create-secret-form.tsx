import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { useApi } from '../../session/session-context';
import { applicationSecretsQueryKey } from './application-queries';
import { toSecretBody } from './secrets';

/** Creates a secret, named or not; it appears in the list above. */
export function CreateSecretForm({ applicationId }: { readonly applicationId: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/application_secrets', { body: toSecretBody(applicationId, name) })),
    onSuccess: async () => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: applicationSecretsQueryKey(applicationId) });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="create-secret">
      <h2 id="create-secret">New secret</h2>
      <label htmlFor="secret-name">Secret name (optional)</label>
      <fieldset role="group">
        <input id="secret-name" maxLength={50} placeholder="e.g. production" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" aria-busy={create.isPending} disabled={create.isPending}>
          Create secret
        </button>
      </fieldset>
      <ErrorNotice error={create.error} />
    </form>
  );
}
