import { PageHeader } from '../../components/page-header';

export function RequestAttemptPage() {
  return <PageHeader title="Request attempt" />;
}
