import type { HandlersOf } from '../../http/route';
import { toReplayCreatedView, toReplayView } from './replay.presenter';
import type { ReplayService } from './replay.service';
import type { replayRoutes } from './replay.routes';

export function replayHandlers(replays: ReplayService): HandlersOf<typeof replayRoutes> {
  return {
    create: async ({ grant, body }) => toReplayCreatedView(await replays.create(grant, body)),
    get: async ({ grant, params }) => toReplayView(await replays.get(grant, params.replay_id)),
    cancel: async ({ grant, params }) => toReplayView(await replays.cancel(grant, params.replay_id)),
  };
}
