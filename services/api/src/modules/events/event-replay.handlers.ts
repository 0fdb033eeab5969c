import type { HandlersOf } from '../../http/route';
import type { EventReplayService } from './event-replay.service';
import type { eventReplayRoutes } from './event-replay.routes';

export function eventReplayHandlers(replays: EventReplayService): HandlersOf<typeof eventReplayRoutes> {
  return {
    replay: ({ grant, params }) => replays.replay(grant, params.event_id),
  };
}
