import type { Request, Response, Router } from 'express';
import type { JsonBodyReader } from './json-body';
import type { Authenticator, Principal } from '../auth/principal';
import { Reply, type BoundRoute, type RateLimitClass } from './route';
import type { RouteAccess } from './route-access';
import { validateInput } from './validation';

/** Public routes run as nobody: no access rule but `public` lets this principal through. */
const ANONYMOUS: Principal = { kind: 'anonymous', tokenKey: 'anonymous' };

/** What every route goes through before its handler, in this order. */
export interface RouteGate {
  readonly authenticator: Authenticator;
  /** Charges the rate-limit buckets of the route's class once the caller is known; throws 429 RateLimited. */
  admit(rateLimit: RateLimitClass, principal: Principal): Promise<void>;
  readonly readJson: JsonBodyReader;
  readonly access: RouteAccess;
}

/**
 * Mounts each row of the route table: authenticate, rate-limit, read the body (only then, and only for a route
 * that takes one), validate, enforce the row's access rule, call the handler with the grant, present.
 */
export function mountRoutes(router: Router, routes: readonly BoundRoute[], gate: RouteGate): void {
  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response) => {
      const params: unknown = route.params ? validateInput(route.params, { ...req.params }, 'params') : undefined;
      const principal = route.auth === 'none' ? ANONYMOUS : await gate.authenticator.authenticate(req.headers.authorization, route.auth);
      res.locals.principal = principal;
      await gate.admit(route.rateLimit, principal);
      if (route.body) await gate.readJson(req, res);
      const query: unknown = route.query ? validateInput(route.query, { ...(req.query as object) }, 'query') : undefined;
      const body: unknown = route.body ? validateInput(route.body, req.body, 'body') : undefined;
      const grant = await gate.access.grant(route.access, principal, { body, query, params });
      const result = await route.handler({ body, query, params, grant, principal, ip: req.ip ?? null });
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
