import type { HandlersOf } from '../../http/route';
import { toApplicationInfoView, toApplicationView } from './application.presenter';
import type { ApplicationService } from './application.service';
import type { applicationRoutes } from './application.routes';

export function applicationHandlers(applications: ApplicationService): HandlersOf<typeof applicationRoutes> {
  return {
    list: async ({ grant }) => (await applications.list(grant)).map(toApplicationView),
    create: async ({ grant, body }) => toApplicationView(await applications.create(grant, body.name)),
    get: async ({ grant }) => toApplicationInfoView(await applications.info(grant)),
    update: async ({ grant, body }) => toApplicationView(await applications.replace(grant, body)),
    delete: ({ grant }) => applications.delete(grant),
  };
}
