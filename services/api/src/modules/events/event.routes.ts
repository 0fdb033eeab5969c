import { Type } from '@sinclair/typebox';
import { EventSummaryView, EventView, IngestedEventView } from '../../http/views';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { ApplicationQueryDto, EventIdParamsDto, EventPostDto } from './event.dto';
import { toEventSummaryView, toEventView } from './event.presenter';
import type { EventService } from './event.service';

export function eventRoutes(events: EventService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'post',
      path: '/event',
      operationId: 'events.ingest',
      summary: 'Ingest an event',
      tag: 'Events',
      auth: 'token',
      body: EventPostDto,
      status: 201,
      view: IngestedEventView,
      handler: ({ principal, body, ip }) => events.ingest(principal, body, ip),
    }),
    defineRoute({
      method: 'get',
      path: '/events',
      operationId: 'events.list',
      summary: 'List the 100 most recent events of an application',
      tag: 'Events',
      auth: 'token',
      query: ApplicationQueryDto,
      status: 200,
      view: Type.Array(EventSummaryView),
      handler: async ({ principal, query }) => (await events.list(principal, query.application_id)).map(toEventSummaryView),
    }),
    defineRoute({
      method: 'get',
      path: '/events/:event_id',
      operationId: 'events.get',
      summary: 'Get an event with its payload (base64)',
      tag: 'Events',
      auth: 'token',
      query: ApplicationQueryDto,
      params: EventIdParamsDto,
      status: 200,
      view: EventView,
      handler: async ({ principal, query, params }) => toEventView(await events.get(principal, query.application_id, params.event_id)),
    }),
  ];
}
