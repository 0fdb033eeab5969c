import { PageHeader } from '../../components/page-header';

export function OrganizationPage() {
  return <PageHeader title="Organization" />;
}
