import type { Static, TSchema } from '@sinclair/typebox';
import type { AuthMode, Principal } from '../auth/principal';
import type { AccessRule, GrantFor } from './access-rule';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';
export type DtoClass<T = object> = new () => T;

/**
 * Which rate-limit buckets a request spends once its route admits it (docs/api.md "Rate limits"): `caller` its
 * credential's bucket, then the global one; `shared` (public routes) the global one only. The per-address bucket is
 * charged on every request before any route matches.
 */
export type RateLimitClass = 'caller' | 'shared';

/** A response with headers of its own (pagination links), or a status other than the route's (a failing health check); plain values are sent as JSON. */
export class Reply<TBody = unknown> {
  constructor(
    readonly body: TBody,
    readonly headers: Record<string, string> = {},
    readonly status?: number,
  ) {}
}

/**
 * One row of the route table, static data: it drives Express, the OpenAPI document and the authorization tests.
 * Its handler is bound separately, in the composition root (`bindRoutes`).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- one table holds rows of every DTO type; defineRoute checks each row */
export interface RouteRow<
  TBody = any,
  TQuery = any,
  TParams = any,
  TView extends TSchema | undefined = any,
  TRule extends AccessRule = AccessRule,
> {
  /* eslint-enable @typescript-eslint/no-explicit-any */
  readonly method: HttpMethod;
  /** Express path under /api/v1, e.g. `/subscriptions/:subscription_id`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  /** `none`: no token is read; otherwise which credentials the route takes (see AuthMode). */
  readonly auth: 'none' | AuthMode;
  /** Who may act: enforced before the handler runs, which receives the grant. */
  readonly access: TRule;
  readonly rateLimit: RateLimitClass;
  readonly body?: DtoClass<TBody>;
  readonly query?: DtoClass<TQuery>;
  readonly params?: DtoClass<TParams>;
  /** 204 sends no body; 202 answers work accepted and done later (a delivery). */
  readonly status: 200 | 201 | 202 | 204;
  /** The schema of the success body (absent for 204): the OpenAPI document publishes it, the handler must return it. */
  readonly view?: TView;
}

export interface HandlerInput<TBody, TQuery, TParams, TGrant> {
  readonly body: TBody;
  readonly query: TQuery;
  readonly params: TParams;
  /** What the route's access rule granted the caller. */
  readonly grant: TGrant;
  readonly principal: Principal;
  readonly ip: string | null;
}

type RowFields<TBody, TQuery, TParams, TRule extends AccessRule> = Omit<
  RouteRow<TBody, TQuery, TParams, undefined, TRule>,
  'status' | 'view'
>;

/**
 * Checks a row (a 204 has no view, any other status has one) and keeps its types for the handler that will be
 * bound to it.
 */
export function defineRoute<
  TBody = undefined,
  TQuery = undefined,
  TParams = undefined,
  TRule extends AccessRule = AccessRule,
  TView extends TSchema = never,
>(
  row: RowFields<TBody, TQuery, TParams, TRule> & { readonly status: 200 | 201 | 202; readonly view: TView },
): RouteRow<TBody, TQuery, TParams, TView, TRule>;
export function defineRoute<TBody = undefined, TQuery = undefined, TParams = undefined, TRule extends AccessRule = AccessRule>(
  row: RowFields<TBody, TQuery, TParams, TRule> & { readonly status: 204 },
): RouteRow<TBody, TQuery, TParams, undefined, TRule>;
export function defineRoute(row: RouteRow): RouteRow {
  return row;
}

/** The handler a row takes: its validated input and grant in, exactly its view out (nothing for a 204). */
export type HandlerOf<R> =
  R extends RouteRow<infer TBody, infer TQuery, infer TParams, infer TView, infer TRule>
    ? (
        input: HandlerInput<TBody, TQuery, TParams, GrantFor<TRule>>,
      ) => Promise<TView extends TSchema ? Static<TView> | Reply<Static<TView>> : void>
    : never;

export type RouteRows = Readonly<Record<string, RouteRow>>;

/** One handler per row of a module's table, under the row's key. */
export type HandlersOf<T extends RouteRows> = { readonly [K in keyof T]: HandlerOf<T[K]> };

/** A row with its handler: what Express mounts. */
export interface BoundRoute extends RouteRow {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the row's types were checked by HandlersOf when binding
  readonly handler: (input: HandlerInput<any, any, any, any>) => Promise<unknown>;
}

export function bindRoutes<T extends RouteRows>(rows: T, handlers: HandlersOf<T>): BoundRoute[] {
  return Object.entries(rows).map(([key, row]) => ({ ...row, handler: handlers[key] as BoundRoute['handler'] }));
}
