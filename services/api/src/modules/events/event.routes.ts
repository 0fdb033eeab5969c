import { Type } from '@sinclair/typebox';
import { EventSummaryView, EventView, IngestedEventView } from '../../http/views';
import { defineRoute } from '../../http/route';
import { ApplicationQueryDto, EventIdParamsDto, EventPostDto } from './event.dto';
import { applicationAccess, applicationWriteProvenByStatement } from '../../http/access-rule';

export const eventRoutes = {
  ingest: defineRoute({
    method: 'post',
    path: '/event',
    operationId: 'events.ingest',
    summary: 'Ingest an event',
    tag: 'Events',
    auth: 'token',
    access: applicationWriteProvenByStatement('body'),
    rateLimit: 'caller',
    body: EventPostDto,
    status: 201,
    view: IngestedEventView,
  }),
  list: defineRoute({
    method: 'get',
    path: '/events',
    operationId: 'events.list',
    summary: 'List the 100 most recent events of an application',
    tag: 'Events',
    auth: 'token',
    access: applicationAccess('read', 'query'),
    rateLimit: 'caller',
    query: ApplicationQueryDto,
    status: 200,
    view: Type.Array(EventSummaryView),
  }),
  get: defineRoute({
    method: 'get',
    path: '/events/:event_id',
    operationId: 'events.get',
    summary: 'Get an event with its payload (base64)',
    tag: 'Events',
    auth: 'token',
    access: applicationAccess('read', 'query'),
    rateLimit: 'caller',
    query: ApplicationQueryDto,
    params: EventIdParamsDto,
    status: 200,
    view: EventView,
  }),
};
