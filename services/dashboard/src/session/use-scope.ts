import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/client';
import { useApi } from './session-context';

export interface ApplicationScope {
  readonly organizationId: string;
  readonly applicationId: string;
  /** Where this application's pages live: `/organizations/…/applications/…`. */
  readonly base: string;
}

/** The organization and application named by the page's address. */
export function useApplicationScope(): ApplicationScope {
  const { organizationId = '', applicationId = '' } = useParams();
  return { organizationId, applicationId, base: `/organizations/${organizationId}/applications/${applicationId}` };
}

export const organizationsQueryKey = ['organizations'] as const;

/** The caller's organizations, each with its role there. */
export function useOrganizations() {
  const api = useApi();
  return useQuery({ queryKey: organizationsQueryKey, queryFn: () => unwrap(api.GET('/organizations')) });
}

/**
 * Whether the signed-in user is an editor of the organization: viewers only read, and the dashboard shows them no
 * button that changes something nor any credential (the API refuses both to them anyway).
 */
export function useCanEdit(organizationId: string): boolean {
  const organizations = useOrganizations();
  return organizations.data?.find((organization) => organization.organization_id === organizationId)?.role === 'editor';
}
