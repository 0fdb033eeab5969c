import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { RouteRow } from '../src/http/route';
import type { ApiHarness } from './api-harness';
import { COMMON_EVENT_TYPE, eventBody, type Known } from './isolation-world';
import { dtoFields, label } from './route-table';
import { subscriptionBody } from './subscription.fixtures';

/**
 * Routes anyone may call, listed by hand as a second opinion on the rows: a route declared public that is not
 * listed here, or listed and not public, fails the route-table test.
 */
export const PUBLIC_ROUTES = new Set([
  'POST /register',
  'POST /auth/login',
  'GET /instance',
  'GET /health',
  'GET /quotas',
  'GET /errors',
  'GET /payload_content_types',
  'GET /environment_variables',
  'GET /swagger.json',
]);

/** Fields of resources, as opposed to the scope (organization_id, application_id) a request acts in. */
export const SCOPE_FIELDS = ['organization_id', 'application_id'];

export interface MatrixRequest {
  readonly method: RouteRow['method'];
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: Record<string, unknown> | undefined;
}

/** Valid bodies, per route; `known` decides which organization, application and resources they name. */
const BODIES: Record<string, (known: Known) => Record<string, unknown>> = {
  'PUT /organizations/:organization_id': () => ({ name: 'Renamed' }),
  'POST /organizations/:organization_id/invite': (k) => ({ email: k.email, role: 'viewer' }),
  'PUT /organizations/:organization_id/invite': (k) => ({ user_id: k.user_id, role: 'editor' }),
  'DELETE /organizations/:organization_id/invite': (k) => ({ user_id: k.user_id }),
  'POST /service_token': (k) => ({ organization_id: k.organization_id, name: 'ci' }),
  'PUT /service_token/:token_id': (k) => ({ organization_id: k.organization_id, name: 'renamed' }),
  'POST /applications': (k) => ({ organization_id: k.organization_id, name: 'New app' }),
  'PUT /applications/:application_id': (k) => ({ organization_id: k.organization_id, name: 'Renamed app' }),
  'POST /application_secrets': (k) => ({ application_id: k.application_id, name: 'new' }),
  'PUT /application_secrets/:token': (k) => ({ application_id: k.application_id, name: 'renamed' }),
  'POST /event_types': (k) => ({ application_id: k.application_id, service: 'made', resource_type: 'by', verb: 'matrix' }),
  'POST /event': (k) => eventBody(k.application_id),
  'POST /subscriptions': (k) => subscriptionBody(k.application_id, { event_types: [COMMON_EVENT_TYPE] }),
  'PUT /subscriptions/:subscription_id': (k) =>
    subscriptionBody(k.application_id, { event_types: [COMMON_EVENT_TYPE], description: 'replaced' }),
  'POST /events/:event_id/replay': (k) => ({ application_id: k.application_id }),
  'POST /subscriptions/:subscription_id/secret/rotate': (k) => ({ application_id: k.application_id, overlap_seconds: 3600 }),
  'POST /subscriptions/:subscription_id/test': (k) => ({ application_id: k.application_id }),
  'POST /request_attempts/:request_attempt_id/retry': (k) => ({ application_id: k.application_id }),
  'POST /replays': (k) => ({ application_id: k.application_id, from: '2020-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', status: 'any' }),
};

/** A body for a route nobody wrote one for: each field from `known`, else a plausible string. */
function fallbackBody(route: RouteRow, known: Known): Record<string, unknown> {
  return Object.fromEntries(dtoFields(route.body!).map((field) => [field, known[field] ?? 'matrix']));
}

/** The request that does what the route does, to what `known` names. */
export function requestFor(route: RouteRow, known: Known): MatrixRequest {
  const path = route.path.replace(/:([a-z_]+)/g, (_match, name: string) => encodeURIComponent(known[name] ?? randomUUID()));
  const query: Record<string, string> = {};
  for (const field of route.query ? dtoFields(route.query) : []) if (known[field]) query[field] = known[field];
  const body = route.body ? (BODIES[label(route)]?.(known) ?? fallbackBody(route, known)) : undefined;
  return { method: route.method, path, query, body };
}

export function send(harness: ApiHarness, request: MatrixRequest, headers: Record<string, string>): Promise<Response> {
  const call = harness.http()[request.method](request.path).query(request.query).set(headers);
  return request.body ? call.send(request.body) : call;
}

/** The same names with every resource replaced by one that does not exist; `keepScope` keeps the scope fields. */
export function ghostOf(known: Known, keepScope = false): Known {
  const ghost: Known = {};
  for (const [name, value] of Object.entries(known)) {
    if (keepScope && SCOPE_FIELDS.includes(name)) ghost[name] = value;
    else if (name === 'event_type_name') ghost[name] = `ghost${randomUUID().slice(0, 8)}.thing.made`;
    else if (name === 'email') ghost[name] = `ghost-${randomUUID()}@example.test`;
    else ghost[name] = randomUUID();
  }
  return ghost;
}

/** Whether the route names a resource of its own besides its scope (so that scope and resource can be mixed). */
export function namesResource(route: RouteRow): boolean {
  return [...route.path.matchAll(/:([a-z_]+)/g)].some((match) => !SCOPE_FIELDS.includes(match[1]));
}
