import type { Request, Response, Router } from 'express';
import type { JsonBodyReader } from './json-body';
import type { Authenticator, Principal } from '../auth/principal';
import { Reply, type RouteDefinition } from './route';
import { validateInput } from './validation';

/** Public routes run as nobody: the access policy allows this principal nothing. */
const ANONYMOUS: Principal = { kind: 'anonymous', tokenKey: 'anonymous' };

/** What every route goes through before its handler, in this order. */
export interface RouteGate {
  readonly authenticator: Authenticator;
  /** Charges the caller's rate-limit buckets once it is known; throws 429 RateLimited. */
  admit(principal: Principal): Promise<void>;
  readonly readJson: JsonBodyReader;
}

/**
 * Mounts each row of the route table: authenticate, rate-limit, read the body (only then, and only for a route
 * that takes one), validate, call the handler, present.
 */
export function mountRoutes(router: Router, routes: readonly RouteDefinition[], gate: RouteGate): void {
  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response) => {
      const params = route.params ? validateInput(route.params, { ...req.params }, 'params') : undefined;
      const principal = route.auth === 'none' ? ANONYMOUS : await gate.authenticator.authenticate(req.headers.authorization, route.auth);
      res.locals.principal = principal;
      await gate.admit(principal);
      if (route.body) await gate.readJson(req, res);
      const query = route.query ? validateInput(route.query, { ...(req.query as object) }, 'query') : undefined;
      const body: unknown = route.body ? validateInput(route.body, req.body, 'body') : undefined;
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
