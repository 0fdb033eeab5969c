import { LoginResponseView, RegistrationView } from '../../http/views';
import { defineRoute } from '../../http/route';
import { LoginDto, PasswordChangeDto, RegisterDto } from './user.dto';
import { principalAccess, publicAccess } from '../../http/access-rule';

/** Registration and sessions (docs/hook0-compatibility.md "Users and registration"). */
export const userRoutes = {
  register: defineRoute({
    method: 'post',
    path: '/register',
    operationId: 'register',
    summary: 'Create a user and their first organization',
    tag: 'Users',
    auth: 'none',
    access: publicAccess,
    rateLimit: 'shared',
    body: RegisterDto,
    status: 201,
    view: RegistrationView,
  }),
  login: defineRoute({
    method: 'post',
    path: '/auth/login',
    operationId: 'auth.login',
    summary: 'Log in with an email and a password',
    tag: 'Users',
    auth: 'none',
    access: publicAccess,
    rateLimit: 'shared',
    body: LoginDto,
    status: 201,
    view: LoginResponseView,
  }),
  refresh: defineRoute({
    method: 'post',
    path: '/auth/refresh',
    operationId: 'auth.refresh',
    summary: 'Trade a refresh token for a new access and refresh token (the old refresh token is revoked)',
    tag: 'Users',
    auth: 'refresh',
    access: principalAccess('refresh'),
    rateLimit: 'caller',
    status: 201,
    view: LoginResponseView,
  }),
  logout: defineRoute({
    method: 'post',
    path: '/auth/logout',
    operationId: 'auth.logout',
    summary: 'Revoke the session of this access or refresh token',
    tag: 'Users',
    auth: 'session',
    access: principalAccess('user', 'refresh'),
    rateLimit: 'caller',
    status: 204,
  }),
  password: defineRoute({
    method: 'post',
    path: '/auth/password',
    operationId: 'auth.password',
    summary: "Change the user's password; the user's other sessions are revoked",
    tag: 'Users',
    auth: 'token',
    access: principalAccess('user'),
    rateLimit: 'caller',
    body: PasswordChangeDto,
    status: 204,
  }),
};
