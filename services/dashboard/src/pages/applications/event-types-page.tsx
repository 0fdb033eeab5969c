import { PageHeader } from '../../components/page-header';

export function EventTypesPage() {
  return <PageHeader title="Event types" />;
}
