import { Link } from 'react-router';
import { QueryState } from '../../components/query-state';
import { CreateApplicationForm } from './create-application-form';
import { useApplications } from './organization-queries';
import { TableScroll } from '../../components/table-scroll';

/** The organization's applications, each a link to its pages, and for editors a form to create one. */
export function ApplicationsSection({ organizationId, canEdit }: { readonly organizationId: string; readonly canEdit: boolean }) {
  const applications = useApplications(organizationId);
  return (
    <section aria-labelledby="applications-heading">
      <h2 id="applications-heading">Applications</h2>
      <QueryState query={applications}>
        {(list) =>
          list.length === 0 ? (
            <p>This organization has no application yet.{canEdit ? ' Create one to start sending webhooks.' : ''}</p>
          ) : (
            <TableScroll label="Applications">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Application id</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((application) => (
                    <tr key={application.application_id}>
                      <td>
                        <Link to={`/organizations/${organizationId}/applications/${application.application_id}`}>{application.name}</Link>
                      </td>
                      <td>
                        <code>{application.application_id}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </QueryState>
      {canEdit ? <CreateApplicationForm organizationId={organizationId} /> : null}
    </section>
  );
}
