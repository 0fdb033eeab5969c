import type { Response } from 'supertest';
import type { RouteRow } from './route';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../test/api-harness';
import { eventBody } from '../../test/event-requests';
import { dtoFields, fillPath, label, routeTable } from '../../test/route-table';
import { subscriptionBody } from '../../test/subscription.fixtures';

const ROUTES = routeTable();
const PROBLEM_MEMBERS = 'detail,id,status,title,type,validation';

const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  0.5,
  '',
  'x'.repeat(100_000),
  '\u0000\u0001\u001b[31m\r\n\u007f\u0085',
  '\ud800',
  '😀'.repeat(60),
  "'; DROP TABLE event; --",
  '00000000-0000-0000-0000-000000000000',
  '9999-12-31T23:59:59.999999999+23:59',
  {},
  { a: 'b', c: { d: ['e'] } },
  JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}'),
  [[[[[[[[[]]]]]]]]],
  ['a', 'b'],
  [null],
  Array.from({ length: 500 }, (_, i) => `item${i}`),
];

const HOSTILE_RAW_BODIES: string[] = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"application_id":"a","application_id":null}',
  `{"a":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
  `{"a":${'{"b":'.repeat(2_000)}1${'}'.repeat(2_000)}}`,
  '{"a":"\\ud800\\u0000"}',
  '{"a":1e999999}',
  '\ufeff{"a":1}',
  '{"a":1}garbage',
];

const HOSTILE_SEGMENTS = [
  'x',
  'x'.repeat(3_000),
  '%00',
  '%ZZ',
  '..%2F..%2Fetc',
  encodeURIComponent('😀'),
  '-1',
  '%20',
  'null',
  "'%3B--",
  '%C0%AF',
];

describe('no input produces a 500: every route of the table, fuzzed', () => {
  let harness: ApiHarness;
  let tenant: Tenant;
  let principals: Record<string, string>[];
  let known: Record<string, string>;
  /** DELETE /applications/{id} gets an application of its own, so the routes fuzzed after it keep the tenant's. */
  let doomedApplicationId: string;

  beforeAll(async () => {
    harness = await startApiHarness();
    tenant = await createTenant(harness);
    const master = { Authorization: `Bearer ${harness.masterKey}` };
    principals = [master, { Authorization: `Bearer ${tenant.secret}` }];
    const subscription = await harness.http().post('/subscriptions').set(master).send(subscriptionBody(tenant.applicationId)).expect(201);
    const spareSecret = await harness
      .http()
      .post('/application_secrets')
      .set(master)
      .send({ application_id: tenant.applicationId, name: 'fuzz' })
      .expect(201);
    const eventId = (await harness.http().post('/event').set(master).send(eventBody(tenant)).expect(201)).body.event_id as string;
    const doomed = await harness
      .http()
      .post('/applications')
      .set(master)
      .send({ organization_id: tenant.organizationId, name: 'Doomed' })
      .expect(201);
    doomedApplicationId = doomed.body.application_id;
    known = {
      organization_id: tenant.organizationId,
      application_id: tenant.applicationId,
      token: spareSecret.body.token,
      event_type_name: 'billing.invoice.paid',
      event_id: eventId,
      subscription_id: subscription.body.subscription_id,
      request_attempt_id: eventId,
      response_id: eventId,
    };
  }, 60_000);
  afterAll(() => harness.close());

  /** A valid body for the route, so that one hostile field at a time gets past the others. */
  function baseBody(route: RouteRow): Record<string, unknown> {
    if (route.path.startsWith('/subscriptions')) return subscriptionBody(tenant.applicationId);
    if (route.path === '/event') return eventBody(tenant);
    if (route.path === '/event_types') return { application_id: tenant.applicationId, service: 's', resource_type: 'r', verb: 'v' };
    if (route.path.startsWith('/application_secrets')) return { application_id: tenant.applicationId, name: 'n' };
    if (route.path.startsWith('/applications')) return { organization_id: tenant.organizationId, name: 'App' };
    if (route.path.endsWith('/replay') || route.path.endsWith('/retry')) return { application_id: tenant.applicationId };
    if (route.path === '/replays') {
      const now = Date.now();
      return { application_id: tenant.applicationId, from: new Date(now - 3_600_000).toISOString(), to: new Date(now).toISOString() };
    }
    return { name: 'Org' };
  }

  function knownPath(route: RouteRow): string {
    if (route.method === 'delete' && route.path === '/applications/:application_id') return `/applications/${doomedApplicationId}`;
    return route.path.replace(/:([a-z_]+)/g, (_match, name: string) => known[name] ?? 'x');
  }

  /** Violations of "below 500, and errors are problem+json with Hook0's six members". */
  function violation(what: string, response: Response): string | null {
    if (response.status >= 500) return `${what} → ${response.status} ${response.text.slice(0, 200)}`;
    if (response.status < 400) return null;
    const problem = /^application\/problem\+json/.test(response.headers['content-type'] ?? '');
    const members = response.body && typeof response.body === 'object' ? Object.keys(response.body).sort().join(',') : '';
    return problem && members === PROBLEM_MEMBERS ? null : `${what} → ${response.status} not a problem: ${response.text.slice(0, 200)}`;
  }

  const send = (route: RouteRow, path: string, auth: Record<string, string>) => harness.http()[route.method](path).set(auth);

  describe.each(ROUTES.filter((route) => route.body).map((route) => [label(route), route] as const))('%s body', (_label, route) => {
    it('survives a hostile value in each field, and hostile raw bodies', async () => {
      const failures: string[] = [];
      const fields = [...dtoFields(route.body!), 'unknown_field'];
      for (const auth of principals) {
        for (const field of fields) {
          for (const value of HOSTILE_VALUES) {
            const body = { ...baseBody(route), [field]: value };
            const problem = violation(
              `${field}=${JSON.stringify(value)?.slice(0, 60)}`,
              await send(route, knownPath(route), auth).send(body),
            );
            if (problem) failures.push(problem);
          }
        }
        for (const raw of HOSTILE_RAW_BODIES) {
          const response = await send(route, knownPath(route), auth).set('Content-Type', 'application/json').send(raw);
          const problem = violation(`raw ${raw.slice(0, 60)}`, response);
          if (problem) failures.push(problem);
        }
      }
      expect(failures).toEqual([]);
    }, 120_000);
  });

  describe.each(ROUTES.map((route) => [label(route), route] as const))('%s path and query', (_label, route) => {
    it('survives hostile path segments and query strings', async () => {
      const app = tenant.applicationId;
      const queries = [
        '',
        `application_id=${app}&organization_id=${tenant.organizationId}`,
        `application_id=${app}&application_id=${app}`,
        `application_id=${'a'.repeat(5_000)}`,
        'application_id=%00&organization_id=%ZZ',
        `application_id=${app}&pagination_cursor=%25%25%25&min_created_at=9999-99-99&max_created_at=0`,
        `application_id=${app}&pagination_cursor=${Buffer.from('{"date":"0001-01-01T00:00:00+23:59","id":"00000000-0000-0000-0000-000000000000"}').toString('base64url')}`,
        `application_id=${app}&event.event_type_names=${encodeURIComponent('a,'.repeat(2_000))}&event_id=${app}&subscription_id=%00`,
        `application_id=${app}&min_created_at=0001-01-01T00:00:00Z&max_created_at=9999-12-31T23:59:59.9999999Z`,
        `application_id=${app}&min_created_at=2026-01-01T00:00:00%2B23:59&max_created_at=2026-01-02T00:00:00-23:59`,
        'a[b][c][d]=1&__proto__[x]=1&constructor[prototype][x]=1',
      ];
      const segments = route.path.includes(':')
        ? [knownPath(route), ...HOSTILE_SEGMENTS.map((segment) => fillPath(route.path, segment))]
        : [route.path];
      const failures: string[] = [];
      for (const auth of principals) {
        for (const path of segments) {
          for (const query of queries) {
            const target = query ? `${path}?${query}` : path;
            const problem = violation(`${target.slice(0, 120)}`, await send(route, target, auth).send(baseBody(route)));
            if (problem) failures.push(problem);
          }
        }
      }
      expect(failures).toEqual([]);
    }, 120_000);
  });
});
