import { Type } from '@sinclair/typebox';
import { EventTypeView } from '../../http/views';
import { ApplicationQueryDto } from '../../http/application-query.dto';
import { defineRoute } from '../../http/route';
import { EventTypeNameParamsDto, EventTypePostDto } from './event-type.dto';
import { applicationAccess } from '../../http/access-rule';

export const eventTypeRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/event_types',
    operationId: 'eventTypes.list',
    summary: 'List the active event types of an application, by name',
    tag: 'Event types',
    auth: 'token',
    access: applicationAccess('read', 'query'),
    rateLimit: 'caller',
    query: ApplicationQueryDto,
    status: 200,
    view: Type.Array(EventTypeView),
  }),
  create: defineRoute({
    method: 'post',
    path: '/event_types',
    operationId: 'eventTypes.create',
    summary: 'Create (or re-activate) an event type',
    tag: 'Event types',
    auth: 'token',
    access: applicationAccess('write', 'body'),
    rateLimit: 'caller',
    body: EventTypePostDto,
    status: 201,
    view: EventTypeView,
  }),
  get: defineRoute({
    method: 'get',
    path: '/event_types/:event_type_name',
    operationId: 'eventTypes.get',
    summary: 'Get an active event type',
    tag: 'Event types',
    auth: 'token',
    access: applicationAccess('read', 'query'),
    rateLimit: 'caller',
    params: EventTypeNameParamsDto,
    query: ApplicationQueryDto,
    status: 200,
    view: EventTypeView,
  }),
  delete: defineRoute({
    method: 'delete',
    path: '/event_types/:event_type_name',
    operationId: 'eventTypes.delete',
    summary: 'Deactivate an event type',
    tag: 'Event types',
    auth: 'token',
    access: applicationAccess('write', 'query'),
    rateLimit: 'caller',
    params: EventTypeNameParamsDto,
    query: ApplicationQueryDto,
    status: 204,
  }),
};
