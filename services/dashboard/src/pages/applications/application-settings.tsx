import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../api/client';
import { ConfirmButton } from '../../components/confirm-button';
import { ErrorNotice } from '../../components/error-notice';
import { useApi } from '../../session/session-context';
import { applicationsQueryKey, organizationQueryKey } from '../organizations/organization-queries';
import { applicationQueryKey } from './application-queries';

type Application = Schemas['ApplicationInfo'];

/** Rename or delete the application (editors only). */
export function ApplicationSettings({ application }: { readonly application: Application }) {
  return (
    <section aria-labelledby="application-settings">
      <h2 id="application-settings">Settings</h2>
      <RenameApplicationForm application={application} />
      <DeleteApplication application={application} />
    </section>
  );
}

function RenameApplicationForm({ application }: { readonly application: Application }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { application_id: applicationId, organization_id: organizationId } = application;
  const [name, setName] = useState(application.name);
  const rename = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/applications/{application_id}', {
          params: { path: { application_id: applicationId } },
          body: { organization_id: organizationId, name: name.trim() },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: applicationQueryKey(applicationId) }),
        queryClient.invalidateQueries({ queryKey: applicationsQueryKey(organizationId) }),
      ]),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate();
  };
  return (
    <form onSubmit={onSubmit}>
      <label htmlFor="application-name">Application name</label>
      <fieldset role="group">
        <input id="application-name" required minLength={2} maxLength={50} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" aria-busy={rename.isPending} disabled={rename.isPending || name.trim() === application.name}>
          Rename application
        </button>
      </fieldset>
      <ErrorNotice error={rename.error} />
    </form>
  );
}

function DeleteApplication({ application }: { readonly application: Application }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { application_id: applicationId, organization_id: organizationId } = application;
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/applications/{application_id}', { params: { path: { application_id: applicationId } } })),
    onSuccess: async () => {
      await navigate(`/organizations/${organizationId}`);
      queryClient.removeQueries({ queryKey: applicationQueryKey(applicationId) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: applicationsQueryKey(organizationId) }),
        queryClient.invalidateQueries({ queryKey: organizationQueryKey(organizationId) }),
      ]);
    },
  });
  return (
    <>
      <p>Once deleted, the application and everything in it (event types, subscriptions, events, secrets) can no longer be used.</p>
      <ConfirmButton
        prompt={`Delete the application ${application.name}? This cannot be undone.`}
        confirmText="Yes, delete application"
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
      >
        Delete application
      </ConfirmButton>
      <ErrorNotice error={remove.error} />
    </>
  );
}
