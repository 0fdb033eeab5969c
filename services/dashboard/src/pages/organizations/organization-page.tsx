import { useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useCanEdit } from '../../session/use-scope';
import { ApplicationsSection } from './applications-section';
import { MembersSection } from './members-section';
import { OrganizationSettings } from './organization-settings';
import { useOrganizationInfo } from './organization-queries';

/** One organization: its applications, its members and their roles, and (for editors) its settings. */
export function OrganizationPage() {
  const { organizationId = '' } = useParams();
  const canEdit = useCanEdit(organizationId);
  const organization = useOrganizationInfo(organizationId);
  return (
    <section>
      <PageHeader title={organization.data?.name ?? 'Organization'} />
      <QueryState query={organization}>
        {(info) => (
          <>
            {canEdit ? null : <p>You are a viewer of this organization: you can see everything in it but change nothing.</p>}
            <ApplicationsSection organizationId={organizationId} canEdit={canEdit} />
            <MembersSection organization={info} canEdit={canEdit} />
            {canEdit ? <OrganizationSettings organization={info} /> : null}
          </>
        )}
      </QueryState>
    </section>
  );
}
