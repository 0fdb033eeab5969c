import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { ConfirmButton } from '../../components/confirm-button';
import { ErrorNotice } from '../../components/error-notice';
import { useApi } from '../../session/session-context';
import { applicationSecretsQueryKey } from './application-queries';
import { SecretToken } from './secret-token';
import { secretLabel, toSecretBody, type ApplicationSecret } from './secrets';

/** One secret: its name (renamed in place), the masked token, when it was made, and its deletion. */
export function SecretRow({ applicationId, secret }: { readonly applicationId: string; readonly secret: ApplicationSecret }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const label = secretLabel(secret);
  const [editing, setEditing] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: applicationSecretsQueryKey(applicationId) });
  const stopEditing = () => {
    setEditing(false);
    renameButton.current?.focus();
  };
  const rename = useMutation({
    mutationFn: (name: string) =>
      unwrap(
        api.PUT('/application_secrets/{token}', { params: { path: { token: secret.token } }, body: toSecretBody(applicationId, name) }),
      ),
    onSuccess: async () => {
      stopEditing();
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/application_secrets/{token}', { params: { path: { token: secret.token }, query: { application_id: applicationId } } }),
      ),
    onSuccess: refresh,
  });
  return (
    <tr>
      <td>
        {editing ? (
          <RenameSecretForm
            label={label}
            initial={secret.name ?? ''}
            pending={rename.isPending}
            onSave={rename.mutate}
            onCancel={stopEditing}
          />
        ) : (
          (secret.name ?? <em>unnamed</em>)
        )}
        <ErrorNotice error={rename.error} />
      </td>
      <td>
        <SecretToken token={secret.token} label={label} />
      </td>
      <td>
        <time dateTime={secret.created_at}>{new Date(secret.created_at).toLocaleString()}</time>
      </td>
      <td>
        <div className="row-actions">
          <button
            ref={renameButton}
            type="button"
            className="secondary outline"
            aria-label={`Rename secret ${label}`}
            aria-expanded={editing}
            onClick={() => setEditing(!editing)}
          >
            Rename
          </button>
          <ConfirmButton
            label={`Delete secret ${label}`}
            prompt={`Delete the secret ${label}? Clients that use it will be refused.`}
            confirmText="Yes, delete"
            confirmLabel={`Yes, delete secret ${label}`}
            pending={remove.isPending}
            onConfirm={() => remove.mutate()}
          >
            Delete
          </ConfirmButton>
        </div>
        <ErrorNotice error={remove.error} />
      </td>
    </tr>
  );
}

interface RenameSecretFormProps {
  readonly label: string;
  readonly initial: string;
  readonly pending: boolean;
  readonly onSave: (name: string) => void;
  readonly onCancel: () => void;
}

function RenameSecretForm({ label, initial, pending, onSave, onCancel }: RenameSecretFormProps) {
  const [name, setName] = useState(initial);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSave(name);
  };
  return (
    <form onSubmit={onSubmit} aria-label={`Rename secret ${label}`} className="inline-form">
      <input aria-label={`New name for secret ${label}`} maxLength={50} autoFocus value={name} onChange={(e) => setName(e.target.value)} />
      <div className="row-actions">
        <button type="submit" aria-busy={pending} disabled={pending}>
          Save
        </button>
        <button type="button" className="secondary outline" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
