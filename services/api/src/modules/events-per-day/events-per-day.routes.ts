import { Type } from '@sinclair/typebox';
import { EventsPerDayView } from '../../http/views';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { EventsPerDayApplicationQueryDto, EventsPerDayOrganizationQueryDto } from './events-per-day.dto';
import { toEventsPerDayView } from './events-per-day.presenter';
import type { EventsPerDayService } from './events-per-day.service';

export function eventsPerDayRoutes(eventsPerDay: EventsPerDayService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/events_per_day/application',
      operationId: 'events_per_day.application',
      summary: 'Count the events an application received per day (UTC)',
      tag: 'Events',
      auth: 'token',
      query: EventsPerDayApplicationQueryDto,
      status: 200,
      view: Type.Array(EventsPerDayView),
      handler: async ({ principal, query }) =>
        toEventsPerDayView(await eventsPerDay.forApplication(principal, query.application_id, query.from, query.to)),
    }),
    defineRoute({
      method: 'get',
      path: '/events_per_day/organization',
      operationId: 'events_per_day.organization',
      summary: "Count the events an organization's applications received per day (UTC)",
      tag: 'Events',
      auth: 'token',
      query: EventsPerDayOrganizationQueryDto,
      status: 200,
      view: Type.Array(EventsPerDayView),
      handler: async ({ principal, query }) =>
        toEventsPerDayView(await eventsPerDay.forOrganization(principal, query.organization_id, query.from, query.to)),
    }),
  ];
}
