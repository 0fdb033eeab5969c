import { defineRoute } from '../../http/route';
import { EventIdParamsDto } from './event.dto';
import { EventReplayDto } from './event-replay.dto';
import { applicationAccess } from '../../http/access-rule';

export const eventReplayRoutes = {
  replay: defineRoute({
    method: 'post',
    path: '/events/:event_id/replay',
    operationId: 'events.replay',
    summary: 'Replay an event to the subscriptions that match it now',
    tag: 'Events',
    auth: 'token',
    access: applicationAccess('write', 'body'),
    rateLimit: 'caller',
    params: EventIdParamsDto,
    body: EventReplayDto,
    status: 204,
  }),
};
