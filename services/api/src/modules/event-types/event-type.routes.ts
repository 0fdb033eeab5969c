import { Type } from '@sinclair/typebox';
import { EventTypeView } from '../../http/views';
import { ApplicationQueryDto } from '../../http/application-query.dto';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { EventTypeNameParamsDto, EventTypePostDto } from './event-type.dto';
import { toEventTypeView } from './event-type.presenter';
import type { EventTypeService } from './event-type.service';

export function eventTypeRoutes(eventTypes: EventTypeService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/event_types',
      operationId: 'eventTypes.list',
      summary: 'List the active event types of an application, by name',
      tag: 'Event types',
      auth: 'token',
      query: ApplicationQueryDto,
      status: 200,
      view: Type.Array(EventTypeView),
      handler: async ({ principal, query }) => (await eventTypes.list(principal, query.application_id)).map(toEventTypeView),
    }),
    defineRoute({
      method: 'post',
      path: '/event_types',
      operationId: 'eventTypes.create',
      summary: 'Create (or re-activate) an event type',
      tag: 'Event types',
      auth: 'token',
      body: EventTypePostDto,
      status: 201,
      view: EventTypeView,
      handler: async ({ principal, body }) => toEventTypeView(await eventTypes.create(principal, body)),
    }),
    defineRoute({
      method: 'get',
      path: '/event_types/:event_type_name',
      operationId: 'eventTypes.get',
      summary: 'Get an active event type',
      tag: 'Event types',
      auth: 'token',
      params: EventTypeNameParamsDto,
      query: ApplicationQueryDto,
      status: 200,
      view: EventTypeView,
      handler: async ({ principal, params, query }) =>
        toEventTypeView(await eventTypes.get(principal, query.application_id, params.event_type_name)),
    }),
    defineRoute({
      method: 'delete',
      path: '/event_types/:event_type_name',
      operationId: 'eventTypes.delete',
      summary: 'Deactivate an event type',
      tag: 'Event types',
      auth: 'token',
      params: EventTypeNameParamsDto,
      query: ApplicationQueryDto,
      status: 204,
      handler: ({ principal, params, query }) => eventTypes.deactivate(principal, query.application_id, params.event_type_name),
    }),
  ];
}
