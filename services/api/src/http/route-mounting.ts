import type { Request, Response, Router } from 'express';
import { ProblemError } from '@hook0/core';
import type { Authenticator, Principal } from './principal';
import { Reply, type RouteDefinition } from './route';
import { validateInput } from './validation';

/** Public routes run as nobody: the access policy allows this principal nothing. */
const ANONYMOUS: Principal = { kind: 'anonymous', tokenKey: 'anonymous' };

function requireJsonBody(req: Request): void {
  if (!req.is('application/json')) {
    throw new ProblemError('JsonPayload', "Content-Type header should be set to 'application/json'");
  }
}

/** What every route goes through before its handler, in this order. */
export interface RouteGate {
  readonly authenticator: Authenticator;
  /** Charges the caller's rate-limit buckets once it is known; throws 429 RateLimited. */
  admit(principal: Principal): Promise<void>;
}

/** Mounts each row of the route table: authenticate, rate-limit, validate, call the handler, present. */
export function mountRoutes(router: Router, routes: readonly RouteDefinition[], gate: RouteGate): void {
  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response) => {
      const params = route.params ? validateInput(route.params, { ...req.params }, 'params') : undefined;
      const principal = route.auth === 'none' ? ANONYMOUS : await gate.authenticator.authenticate(req.headers.authorization, route.auth);
      res.locals.principal = principal;
      await gate.admit(principal);
      const query = route.query ? validateInput(route.query, { ...(req.query as object) }, 'query') : undefined;
      let body: unknown;
      if (route.body) {
        requireJsonBody(req);
        body = validateInput(route.body, req.body, 'body');
      }
      const result = await route.handler({ body, query, params, principal, ip: req.ip ?? null });
      if (route.status === 204) {
        res.status(204).end();
        return;
      }
      const reply = result instanceof Reply ? result : new Reply(result);
      for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
      res.status(reply.status ?? route.status).json(reply.body);
    });
  }
}
