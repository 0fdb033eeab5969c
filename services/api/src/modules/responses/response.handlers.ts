import type { HandlersOf } from '../../http/route';
import { toResponseView } from './response.presenter';
import type { ResponseService } from './response.service';
import type { responseRoutes } from './response.routes';

export function responseHandlers(responses: ResponseService): HandlersOf<typeof responseRoutes> {
  return {
    get: async ({ grant, params }) => toResponseView(await responses.get(grant, params.response_id)),
  };
}
