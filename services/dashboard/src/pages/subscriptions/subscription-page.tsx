import { PageHeader } from '../../components/page-header';

export function SubscriptionPage() {
  return <PageHeader title="Subscription" />;
}
