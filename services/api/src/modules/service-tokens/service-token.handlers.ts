import type { HandlersOf } from '../../http/route';
import { toServiceTokenView } from './service-token.presenter';
import type { ServiceTokenService } from './service-token.service';
import type { serviceTokenRoutes } from './service-token.routes';

export function serviceTokenHandlers(tokens: ServiceTokenService): HandlersOf<typeof serviceTokenRoutes> {
  return {
    list: async ({ grant }) => (await tokens.list(grant)).map((token) => toServiceTokenView(token)),
    create: async ({ grant, body }) => {
      const created = await tokens.create(grant, body.name);
      return toServiceTokenView(created.token, created.value);
    },
    get: async ({ grant, params }) => toServiceTokenView(await tokens.get(grant, params.token_id)),
    edit: async ({ grant, params, body }) => toServiceTokenView(await tokens.rename(grant, params.token_id, body.name)),
    delete: ({ grant, params }) => tokens.delete(grant, params.token_id),
  };
}
