import { defineRoute, type RouteDefinition } from '../../http/route';
import { EventIdParamsDto } from './event.dto';
import { EventReplayDto } from './event-replay.dto';
import type { EventReplayService } from './event-replay.service';

export function eventReplayRoutes(replays: EventReplayService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'post',
      path: '/events/:event_id/replay',
      operationId: 'events.replay',
      summary: 'Replay an event to the subscriptions that match it now',
      tag: 'Events',
      auth: 'token',
      params: EventIdParamsDto,
      body: EventReplayDto,
      status: 204,
      handler: ({ principal, params, body }) => replays.replay(principal, body.application_id, params.event_id),
    }),
  ];
}
