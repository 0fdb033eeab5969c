import type { HandlersOf } from '../../http/route';
import { toEventSummaryView, toEventView } from './event.presenter';
import type { EventService } from './event.service';
import type { eventRoutes } from './event.routes';

export function eventHandlers(events: EventService): HandlersOf<typeof eventRoutes> {
  return {
    ingest: ({ grant, body, ip }) => events.ingest(grant, body, ip),
    list: async ({ grant }) => (await events.list(grant)).map(toEventSummaryView),
    get: async ({ grant, params }) => toEventView(await events.get(grant, params.event_id)),
  };
}
