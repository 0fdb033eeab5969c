import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useApplicationScope, useCanEdit, useOrganizations } from '../../session/use-scope';
import { useApplicationSecrets } from './application-queries';
import { CreateSecretForm } from './create-secret-form';
import { SecretRow } from './secret-row';
import { TableScroll } from '../../components/table-scroll';

/** The application's secrets, for editors only: each one is a credential with full control of the application. */
export function ApplicationSecretsPage() {
  const scope = useApplicationScope();
  const organizations = useOrganizations();
  const canEdit = useCanEdit(scope.organizationId);
  return (
    <section>
      <PageHeader title="Secrets" />
      <QueryState query={organizations}>
        {() =>
          canEdit ? (
            <EditorSecrets applicationId={scope.applicationId} />
          ) : (
            <p>
              Application secrets are credentials with full control of this application, so only the organization's editors can see and
              manage them.
            </p>
          )
        }
      </QueryState>
    </section>
  );
}

function EditorSecrets({ applicationId }: { readonly applicationId: string }) {
  const secrets = useApplicationSecrets(applicationId);
  return (
    <>
      <p>
        A secret authenticates calls for this application alone, such as sending events: <code>Authorization: Bearer &lt;secret&gt;</code>.
        Anyone who holds one can do anything in the application. To rotate one, create a new secret, move your clients to it, then delete
        the old one.
      </p>
      <QueryState query={secrets}>
        {(list) =>
          list.length === 0 ? (
            <p>This application has no secret.</p>
          ) : (
            <TableScroll label="Secrets">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Secret</th>
                    <th scope="col">Created</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((secret) => (
                    <SecretRow key={secret.token} applicationId={applicationId} secret={secret} />
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </QueryState>
      <CreateSecretForm applicationId={applicationId} />
    </>
  );
}
