import type { HandlersOf } from '../../http/route';
import { toApplicationSecretView } from './application-secret.presenter';
import type { ApplicationSecretService } from './application-secret.service';
import type { applicationSecretRoutes } from './application-secret.routes';

export function applicationSecretHandlers(secrets: ApplicationSecretService): HandlersOf<typeof applicationSecretRoutes> {
  return {
    list: async ({ grant }) => (await secrets.list(grant)).map(toApplicationSecretView),
    create: async ({ grant, body }) => toApplicationSecretView(await secrets.create(grant, body.name ?? null)),
    update: async ({ grant, params, body }) => toApplicationSecretView(await secrets.rename(grant, params.token, body.name ?? null)),
    delete: ({ grant, params }) => secrets.delete(grant, params.token),
  };
}
