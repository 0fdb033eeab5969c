import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useApi } from '../../session/session-context';
import { organizationsQueryKey, useOrganizations } from '../../session/use-scope';
import { TableScroll } from '../../components/table-scroll';

/** The signed-in user's organizations, their role in each, and a form to create another. */
export function OrganizationsPage() {
  const organizations = useOrganizations();
  return (
    <section>
      <PageHeader title="Organizations" />
      <QueryState query={organizations}>
        {(list) =>
          list.length === 0 ? (
            <p>You belong to no organization yet.</p>
          ) : (
            <TableScroll label="Organizations">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Your role</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((organization) => (
                    <tr key={organization.organization_id}>
                      <td>
                        <Link to={`/organizations/${organization.organization_id}`}>{organization.name}</Link>
                      </td>
                      <td>{organization.role}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </QueryState>
      <CreateOrganization />
    </section>
  );
}

function CreateOrganization() {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/organizations', { body: { name } })),
    onSuccess: async (organization) => {
      await queryClient.invalidateQueries({ queryKey: organizationsQueryKey });
      await navigate(`/organizations/${organization.organization_id}`);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="create-organization">
      <h2 id="create-organization">New organization</h2>
      <fieldset role="group">
        <input aria-label="Organization name" placeholder="Name" required value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" aria-busy={create.isPending} disabled={create.isPending}>
          Create
        </button>
      </fieldset>
      <ErrorNotice error={create.error} />
    </form>
  );
}
