import { useQuery } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../api/client';
import { useApi } from '../../session/session-context';

/** What the dashboard reads of an organization (openapi-fetch leaves out `plan`, which is always null). */
export type OrganizationInfo = Omit<Schemas['OrganizationInfo'], 'plan'>;

/** An organization's info: its name, members, consumption and onboarding steps. */
export const organizationQueryKey = (organizationId: string) => ['organization', organizationId] as const;

/** The organization's live applications. */
export const applicationsQueryKey = (organizationId: string) => ['applications', organizationId] as const;

export function useOrganizationInfo(organizationId: string) {
  const api = useApi();
  return useQuery({
    queryKey: organizationQueryKey(organizationId),
    queryFn: () => unwrap(api.GET('/organizations/{organization_id}', { params: { path: { organization_id: organizationId } } })),
  });
}

export function useApplications(organizationId: string) {
  const api = useApi();
  return useQuery({
    queryKey: applicationsQueryKey(organizationId),
    queryFn: () => unwrap(api.GET('/applications', { params: { query: { organization_id: organizationId } } })),
  });
}
