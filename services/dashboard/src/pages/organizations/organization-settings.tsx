import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { ConfirmButton } from '../../components/confirm-button';
import { ErrorNotice } from '../../components/error-notice';
import { useApi } from '../../session/session-context';
import { organizationsQueryKey } from '../../session/use-scope';
import { applicationsQueryKey, organizationQueryKey, type OrganizationInfo } from './organization-queries';

/** Rename or delete the organization (editors only). */
export function OrganizationSettings({ organization }: { readonly organization: OrganizationInfo }) {
  return (
    <section aria-labelledby="organization-settings">
      <h2 id="organization-settings">Settings</h2>
      <RenameOrganizationForm organization={organization} />
      <DeleteOrganization organization={organization} />
    </section>
  );
}

function RenameOrganizationForm({ organization }: { readonly organization: OrganizationInfo }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const organizationId = organization.organization_id;
  const [name, setName] = useState(organization.name);
  const rename = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/organizations/{organization_id}', { params: { path: { organization_id: organizationId } }, body: { name: name.trim() } }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: organizationQueryKey(organizationId) }),
        queryClient.invalidateQueries({ queryKey: organizationsQueryKey }),
      ]),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate();
  };
  return (
    <form onSubmit={onSubmit}>
      <label htmlFor="organization-name">Organization name</label>
      <fieldset role="group">
        <input id="organization-name" required minLength={2} maxLength={50} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" aria-busy={rename.isPending} disabled={rename.isPending || name.trim() === organization.name}>
          Rename organization
        </button>
      </fieldset>
      <ErrorNotice error={rename.error} />
    </form>
  );
}

function DeleteOrganization({ organization }: { readonly organization: OrganizationInfo }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const organizationId = organization.organization_id;
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/organizations/{organization_id}', { params: { path: { organization_id: organizationId } } })),
    onSuccess: async () => {
      await navigate('/');
      queryClient.removeQueries({ queryKey: organizationQueryKey(organizationId) });
      queryClient.removeQueries({ queryKey: applicationsQueryKey(organizationId) });
      await queryClient.invalidateQueries({ queryKey: organizationsQueryKey });
    },
  });
  return (
    <>
      <p>An organization can be deleted once it has no application left.</p>
      <ConfirmButton
        prompt={`Delete the organization ${organization.name}? This cannot be undone.`}
        confirmText="Yes, delete organization"
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
      >
        Delete organization
      </ConfirmButton>
      <ErrorNotice error={remove.error} />
    </>
  );
}
