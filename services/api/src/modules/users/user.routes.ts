import { LoginResponseView, RegistrationView } from '../../http/views';
import { clientKey } from '../../http/client-address';
import { defineRoute, type RouteDefinition } from '../../http/route';
import type { SessionService } from './session.service';
import { LoginDto, PasswordChangeDto, RegisterDto } from './user.dto';
import { toLoginResponse, toRegistrationView } from './user.presenter';
import type { UserService } from './user.service';

/** Registration and sessions (docs/hook0-compatibility.md "Users and registration"). */
export function userRoutes(users: UserService, sessions: SessionService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'post',
      path: '/register',
      operationId: 'register',
      summary: 'Create a user and their first organization',
      tag: 'Users',
      auth: 'none',
      body: RegisterDto,
      status: 201,
      view: RegistrationView,
      handler: async ({ body }) => toRegistrationView(await users.register(body)),
    }),
    defineRoute({
      method: 'post',
      path: '/auth/login',
      operationId: 'auth.login',
      summary: 'Log in with an email and a password',
      tag: 'Users',
      auth: 'none',
      body: LoginDto,
      status: 201,
      view: LoginResponseView,
      handler: async ({ body, ip }) => {
        const { user, tokens } = await sessions.login(body.email, body.password, clientKey(ip));
        return toLoginResponse(user, tokens);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/refresh',
      operationId: 'auth.refresh',
      summary: 'Trade a refresh token for a new access and refresh token (the old refresh token is revoked)',
      tag: 'Users',
      auth: 'refresh',
      status: 201,
      view: LoginResponseView,
      handler: async ({ principal }) => {
        const { user, tokens } = await sessions.refresh(principal);
        return toLoginResponse(user, tokens);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/logout',
      operationId: 'auth.logout',
      summary: 'Revoke the session of this access or refresh token',
      tag: 'Users',
      auth: 'session',
      status: 204,
      handler: ({ principal }) => sessions.logout(principal),
    }),
    defineRoute({
      method: 'post',
      path: '/auth/password',
      operationId: 'auth.password',
      summary: "Change the user's password; the user's other sessions are revoked",
      tag: 'Users',
      auth: 'token',
      body: PasswordChangeDto,
      status: 204,
      handler: ({ principal, body }) => sessions.changePassword(principal, body.new_password),
    }),
  ];
}
