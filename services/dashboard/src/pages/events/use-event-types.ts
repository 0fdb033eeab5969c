import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../session/session-context';
import { eventTypesQuery } from '../applications/application-queries';

/** The names of the application's active event types, sorted: what the event type filters offer. */
export function useEventTypeNames(applicationId: string) {
  return useQuery({
    ...eventTypesQuery(useApi(), applicationId),
    select: (types) => types.map((type) => type.event_type_name).sort((a, b) => a.localeCompare(b)),
  });
}

/** The options of an event type select: the active types, plus the one chosen if it is no longer active. */
export function eventTypeOptions(names: readonly string[] | undefined, chosen: string): string[] {
  const options = [...(names ?? [])];
  if (chosen && !options.includes(chosen)) options.unshift(chosen);
  return options;
}
