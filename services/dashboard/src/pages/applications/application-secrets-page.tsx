import { PageHeader } from '../../components/page-header';

export function ApplicationSecretsPage() {
  return <PageHeader title="Secrets" />;
}
