import { Type } from '@sinclair/typebox';
import { EventsPerDayView } from '../../http/views';
import { defineRoute } from '../../http/route';
import { EventsPerDayApplicationQueryDto, EventsPerDayOrganizationQueryDto } from './events-per-day.dto';
import { applicationAccess, organizationAccess } from '../../http/access-rule';

export const eventsPerDayRoutes = {
  application: defineRoute({
    method: 'get',
    path: '/events_per_day/application',
    operationId: 'events_per_day.application',
    summary: 'Count the events an application received per day (UTC)',
    tag: 'Events',
    auth: 'token',
    access: applicationAccess('read', 'query'),
    rateLimit: 'caller',
    query: EventsPerDayApplicationQueryDto,
    status: 200,
    view: Type.Array(EventsPerDayView),
  }),
  organization: defineRoute({
    method: 'get',
    path: '/events_per_day/organization',
    operationId: 'events_per_day.organization',
    summary: "Count the events an organization's applications received per day (UTC)",
    tag: 'Events',
    auth: 'token',
    access: organizationAccess('read', 'query'),
    rateLimit: 'caller',
    query: EventsPerDayOrganizationQueryDto,
    status: 200,
    view: Type.Array(EventsPerDayView),
  }),
};
