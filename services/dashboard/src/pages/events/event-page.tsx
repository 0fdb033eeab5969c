import { PageHeader } from '../../components/page-header';

export function EventPage() {
  return <PageHeader title="Event" />;
}
