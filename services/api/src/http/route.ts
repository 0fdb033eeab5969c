import type { Static, TSchema } from '@sinclair/typebox';
import type { AuthMode, Principal } from '../auth/principal';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';
export type DtoClass<T = object> = new () => T;

export interface RequestInput<TBody, TQuery, TParams> {
  readonly body: TBody;
  readonly query: TQuery;
  readonly params: TParams;
  readonly principal: Principal;
  readonly ip: string | null;
}

/** A response with headers of its own (pagination links), or a status other than the route's (a failing health check); plain values are sent as JSON. */
export class Reply<TBody = unknown> {
  constructor(
    readonly body: TBody,
    readonly headers: Record<string, string> = {},
    readonly status?: number,
  ) {}
}

/** One row of the route table: it drives Express and the OpenAPI document alike. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one table holds rows of every DTO type; defineRoute checks each row
export interface RouteDefinition<TBody = any, TQuery = any, TParams = any> {
  readonly method: HttpMethod;
  /** Express path under /api/v1, e.g. `/subscriptions/:subscription_id`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  /** `none`: public; otherwise which credentials the route takes (see AuthMode). */
  readonly auth: 'none' | AuthMode;
  readonly body?: DtoClass<TBody>;
  readonly query?: DtoClass<TQuery>;
  readonly params?: DtoClass<TParams>;
  /** 204 sends no body. */
  readonly status: 200 | 201 | 204;
  /** The schema of the success body (absent for 204): the OpenAPI document publishes it, the handler must return it. */
  readonly view?: TSchema;
  readonly handler: (input: RequestInput<TBody, TQuery, TParams>) => Promise<unknown>;
}

type RowFields<TBody, TQuery, TParams> = Omit<RouteDefinition<TBody, TQuery, TParams>, 'status' | 'view' | 'handler'>;

/** A row whose answer has a body: its handler returns exactly what its view describes (or that, in a Reply). */
type RowWithBody<TBody, TQuery, TParams, TView extends TSchema> = RowFields<TBody, TQuery, TParams> & {
  readonly status: 200 | 201;
  readonly view: TView;
  readonly handler: (input: RequestInput<TBody, TQuery, TParams>) => Promise<Static<TView> | Reply<Static<TView>>>;
};

type RowWithoutBody<TBody, TQuery, TParams> = RowFields<TBody, TQuery, TParams> & {
  readonly status: 204;
  readonly handler: (input: RequestInput<TBody, TQuery, TParams>) => Promise<void>;
};

export function defineRoute<TBody = undefined, TQuery = undefined, TParams = undefined, TView extends TSchema = TSchema>(
  route: RowWithBody<TBody, TQuery, TParams, TView> | RowWithoutBody<TBody, TQuery, TParams>,
): RouteDefinition<TBody, TQuery, TParams> {
  return route;
}
