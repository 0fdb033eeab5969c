import { queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap, type Api } from '../../api/client';
import { useApi } from '../../session/session-context';

/** The application's info (name, quotas, consumption, onboarding steps); the application layout reads the same key. */
export const applicationQueryKey = (applicationId: string) => ['application', applicationId] as const;

export const eventTypesQueryKey = (applicationId: string) => ['event_types', applicationId] as const;

export const applicationSecretsQueryKey = (applicationId: string) => ['application_secrets', applicationId] as const;

export const eventsPerDayQueryKey = (applicationId: string) => ['events_per_day', applicationId] as const;

/** The application's info; the application layout and its overview read it. */
export function useApplicationInfo(applicationId: string) {
  const api = useApi();
  return useQuery({
    queryKey: applicationQueryKey(applicationId),
    queryFn: () => unwrap(api.GET('/applications/{application_id}', { params: { path: { application_id: applicationId } } })),
  });
}

/** The application's event types, for every page that reads them (each may `select` what it needs). */
export function eventTypesQuery(api: Api, applicationId: string) {
  return queryOptions({
    queryKey: eventTypesQueryKey(applicationId),
    queryFn: () => unwrap(api.GET('/event_types', { params: { query: { application_id: applicationId } } })),
  });
}

export function useEventTypes(applicationId: string) {
  return useQuery(eventTypesQuery(useApi(), applicationId));
}

export function useApplicationSecrets(applicationId: string) {
  const api = useApi();
  return useQuery({
    queryKey: applicationSecretsQueryKey(applicationId),
    queryFn: () => unwrap(api.GET('/application_secrets', { params: { query: { application_id: applicationId } } })),
  });
}
