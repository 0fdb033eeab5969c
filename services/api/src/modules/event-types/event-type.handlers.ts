import type { HandlersOf } from '../../http/route';
import { toEventTypeView } from './event-type.presenter';
import type { EventTypeService } from './event-type.service';
import type { eventTypeRoutes } from './event-type.routes';

export function eventTypeHandlers(eventTypes: EventTypeService): HandlersOf<typeof eventTypeRoutes> {
  return {
    list: async ({ grant }) => (await eventTypes.list(grant)).map(toEventTypeView),
    create: async ({ grant, body }) => toEventTypeView(await eventTypes.create(grant, body)),
    get: async ({ grant, params }) => toEventTypeView(await eventTypes.get(grant, params.event_type_name)),
    delete: ({ grant, params }) => eventTypes.deactivate(grant, params.event_type_name),
  };
}
