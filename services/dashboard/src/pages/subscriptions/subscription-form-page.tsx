import { PageHeader } from '../../components/page-header';

export function SubscriptionFormPage() {
  return <PageHeader title="New subscription" />;
}
