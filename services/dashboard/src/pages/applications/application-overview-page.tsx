import { PageHeader } from '../../components/page-header';

export function ApplicationOverviewPage() {
  return <PageHeader title="Overview" />;
}
