import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from '@hook0-ts/sdk/api-types';
import { ApiProblem } from './problem';

export type Api = Client<paths>;
export type Schemas = components['schemas'];

/** Where the dashboard finds the API: the same origin that served it. */
export const API_BASE = '/api/v1';

export interface AccessTokens {
  /** A usable access token, refreshed first when it is about to expire; null when signed out. */
  accessToken(): Promise<string | null>;
  /** The API refused the token: the session is over. */
  rejected(): void;
}

/** Routes that carry no access token: signing up and in, and those that take the refresh token instead. */
const UNAUTHENTICATED = new Set(['/auth/login', '/register', '/auth/refresh', '/auth/logout']);

function authorization(tokens: AccessTokens): Middleware {
  return {
    async onRequest({ request, schemaPath }) {
      if (UNAUTHENTICATED.has(schemaPath)) return request;
      const token = await tokens.accessToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ response, schemaPath }) {
      if (response.status === 401 && !UNAUTHENTICATED.has(schemaPath)) tokens.rejected();
      return response;
    },
  };
}

export function createApi(tokens: AccessTokens): Api {
  const api = createClient<paths>({ baseUrl: API_BASE, headers: { Accept: 'application/json' } });
  api.use(authorization(tokens));
  return api;
}

interface Answer<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/** The data of a successful answer; an ApiProblem otherwise. */
export async function unwrap<T>(answer: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await answer;
  if (!response.ok) throw new ApiProblem(response.status, (error ?? undefined) as ApiProblem['problem']);
  return data as T;
}
