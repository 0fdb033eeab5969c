import type { HandlersOf } from '../../http/route';
import { toEventsPerDayView } from './events-per-day.presenter';
import type { EventsPerDayService } from './events-per-day.service';
import type { eventsPerDayRoutes } from './events-per-day.routes';

export function eventsPerDayHandlers(eventsPerDay: EventsPerDayService): HandlersOf<typeof eventsPerDayRoutes> {
  return {
    application: async ({ grant, query }) => toEventsPerDayView(await eventsPerDay.forApplication(grant, query.from, query.to)),
    organization: async ({ grant, query }) => toEventsPerDayView(await eventsPerDay.forOrganization(grant, query.from, query.to)),
  };
}
