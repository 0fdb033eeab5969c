import { PageHeader } from '../../components/page-header';

export function SubscriptionsPage() {
  return <PageHeader title="Subscriptions" />;
}
