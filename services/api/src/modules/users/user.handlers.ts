import type { HandlersOf } from '../../http/route';
import { clientKey } from '../../http/client-address';
import type { SessionService } from './session.service';
import { toLoginResponse, toRegistrationView } from './user.presenter';
import type { UserService } from './user.service';
import type { userRoutes } from './user.routes';

export function userHandlers(users: UserService, sessions: SessionService): HandlersOf<typeof userRoutes> {
  return {
    register: async ({ body }) => toRegistrationView(await users.register(body)),
    login: async ({ body, ip }) => {
      const { user, tokens } = await sessions.login(body.email, body.password, clientKey(ip));
      return toLoginResponse(user, tokens);
    },
    refresh: async ({ grant }) => {
      const { user, tokens } = await sessions.refresh(grant);
      return toLoginResponse(user, tokens);
    },
    logout: ({ grant }) => sessions.logout(grant),
    password: ({ grant, body }) => sessions.changePassword(grant, body.new_password),
  };
}
