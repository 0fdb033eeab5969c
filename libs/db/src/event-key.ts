/** What names an event: its event_id is unique within its application only. */
export interface EventKey {
  readonly applicationId: string;
  readonly eventId: string;
}

/** One string per event, for maps and batch keys. */
export function eventKeyString(key: EventKey): string {
  return `${key.applicationId}:${key.eventId}`;
}
