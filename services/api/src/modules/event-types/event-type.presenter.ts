import type { EventTypeEntity } from '@hook0/db';

export function toEventTypeView(eventType: EventTypeEntity) {
  return {
    service_name: eventType.serviceName,
    resource_type_name: eventType.resourceTypeName,
    verb_name: eventType.verbName,
    event_type_name: eventType.eventTypeName,
  };
}
