import { PageHeader } from '../../components/page-header';

export function RequestAttemptsPage() {
  return <PageHeader title="Request attempts" />;
}
