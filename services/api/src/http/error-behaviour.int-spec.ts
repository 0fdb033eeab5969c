import { randomUUID } from 'node:crypto';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../test/api-harness';
import { DatabaseProbe } from '../../test/database-probe';
import { expectProblem } from '../../test/problem-assertions';
import { dtoFields, fillPath, label, routeTable } from '../../test/route-table';

const ROUTES = routeTable();
const TOKEN_ROUTES = ROUTES.filter((route) => route.auth === 'token');
const BODY_ROUTES = ROUTES.filter((route) => route.body);
/** Routes scoped by a required application_id or organization_id query parameter (not GET /health's optional key). */
const QUERY_ROUTES = ROUTES.filter((route) => route.query && ['application_id', 'organization_id'].includes(dtoFields(route.query)[0]));
const UUID_PARAM_ROUTES = ROUTES.filter((route) => route.params && !route.path.includes(':event_type_name'));

/** Bodies that are not a JSON object under `Content-Type: application/json`, or not declared as JSON at all. */
const BAD_BODIES: [string, string, string | undefined][] = [
  ['malformed JSON', '{"name": ', 'application/json'],
  ['a JSON array', '[{"name":"x"}]', 'application/json'],
  ['a JSON string', '"name"', 'application/json'],
  ['a JSON number', '42', 'application/json'],
  ['JSON null', 'null', 'application/json'],
  ['an empty body', '', 'application/json'],
  ['JSON sent as text/plain', '{"name":"x"}', 'text/plain'],
  ['JSON sent as form data', 'name=x', 'application/x-www-form-urlencoded'],
  ['JSON without a Content-Type', '{"name":"x"}', undefined],
  ['JSON declared in UTF-16', '{"name":"x"}', 'application/json; charset=utf-16'],
];

describe('error behaviour across the route table (docs/hook0-compatibility.md "Conventions")', () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  let tenant: Tenant;
  let other: Tenant;
  let master: Record<string, string>;
  let fingerprint: string;

  beforeAll(async () => {
    harness = await startApiHarness();
    probe = await DatabaseProbe.open(harness);
    tenant = await createTenant(harness);
    other = await createTenant(harness);
    master = { Authorization: `Bearer ${harness.masterKey}` };
    fingerprint = await probe.fingerprint();
  });
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  const call = (method: string, path: string) => harness.http()[method as 'get'](path);
  const anyPath = (path: string) => fillPath(path, randomUUID());

  it.each([
    ['GET', '/nope'],
    ['GET', '/subscriptions/x/y'],
    ['POST', '/events'],
    ['DELETE', '/event'],
    ['PATCH', `/subscriptions/${randomUUID()}`],
    ['GET', '/api/v2/event'],
  ])('answers %s %s, which no route matches, with 404 NotFound', async (method, path) => {
    const agent = path.startsWith('/api/') ? call(method.toLowerCase(), `${harness.api.url}${path}`) : call(method.toLowerCase(), path);
    expectProblem(await agent.set(master), 404, 'NotFound');
  });

  describe.each(TOKEN_ROUTES.map((route) => [label(route), route] as const))('%s', (_label, route) => {
    it('answers 401 AuthNoAuthorizationHeader without Authorization', async () => {
      expectProblem(await call(route.method, anyPath(route.path)).send(), 401, 'AuthNoAuthorizationHeader');
    });

    it.each([
      ['an unknown UUID', `Bearer ${randomUUID()}`],
      ['a non-UUID token', 'Bearer not-a-token'],
      ['an empty bearer', 'Bearer '],
      ['a lower-case scheme (taken as the whole token)', `bearer ${randomUUID()}`],
    ])('answers 403 AuthInvalidBiscuit to %s', async (_case, header) => {
      expectProblem(await call(route.method, anyPath(route.path)).set('Authorization', header).send(), 403, 'AuthInvalidBiscuit');
    });
  });

  describe.each(BODY_ROUTES.map((route) => [label(route), route] as const))('%s', (_label, route) => {
    it.each(BAD_BODIES)('answers 400 JsonPayload to %s', async (_case, raw, contentType) => {
      let request = call(route.method, anyPath(route.path)).set(master);
      if (contentType) request = request.set('Content-Type', contentType);
      expectProblem(await request.send(raw), 400, 'JsonPayload');
    });
  });

  describe.each(QUERY_ROUTES.map((route) => [label(route), route] as const))('%s', (_label, route) => {
    const scope = dtoFields(route.query!)[0]; // application_id, or organization_id for /applications
    it.each([
      ['missing', ''],
      ['not a UUID', '?SCOPE=abc'],
      ['empty', '?SCOPE='],
      ['repeated', `?SCOPE=${randomUUID()}&SCOPE=${randomUUID()}`],
      ['sent as SCOPE[]', `?SCOPE[]=${randomUUID()}`],
    ])('answers 400 InvalidQueryString when the scope parameter is %s', async (_case, query) => {
      expect(['application_id', 'organization_id']).toContain(scope);
      expectProblem(
        await call(route.method, `${anyPath(route.path)}${query.replaceAll('SCOPE', scope)}`).set(master),
        400,
        'InvalidQueryString',
      );
    });
  });

  describe.each(UUID_PARAM_ROUTES.map((route) => [label(route), route] as const))('%s', (_label, route) => {
    it.each(['not-a-uuid', '123', '00000000-0000-4000-8000-00000000000', `${randomUUID()}x`, '%00'])(
      'answers 404 NotFound to the path segment %s',
      async (segment) => {
        const request = call(route.method, `${fillPath(route.path, segment)}?application_id=${tenant.applicationId}`).set(master);
        expectProblem(await request.send({}), 404, 'NotFound');
      },
    );
  });

  it.each([
    ['GET', `/application_secrets?application_id=APP`],
    ['POST', '/application_secrets'],
    ['GET', `/event_types?application_id=APP`],
    ['POST', '/event_types'],
    ['GET', `/event_types/billing.invoice.paid?application_id=APP`],
    ['DELETE', `/event_types/billing.invoice.paid?application_id=APP`],
    ['POST', '/event'],
    ['GET', `/events?application_id=APP`],
    ['GET', `/subscriptions?application_id=APP`],
    ['POST', '/subscriptions'],
    ['GET', `/request_attempts?application_id=APP`],
    ['GET', `/applications/APP`],
  ])("answers 403 Forbidden to %s %s with another application's secret", async (method, path) => {
    const body = {
      application_id: tenant.applicationId,
      name: 'x',
      service: 'a',
      resource_type: 'b',
      verb: 'c',
      event_type: 'billing.invoice.paid',
      payload: '{}',
      payload_content_type: 'application/json',
      occurred_at: '2026-05-04T09:12:30Z',
      labels: { a: 'b' },
      is_enabled: true,
      event_types: ['billing.invoice.paid'],
      target: { type: 'http', method: 'POST', url: 'https://x.test/', headers: {} },
    };
    const request = call(method.toLowerCase(), path.replace('APP', tenant.applicationId)).set('Authorization', `Bearer ${other.secret}`);
    expectProblem(await (method === 'POST' ? request.send(body) : request), 403, 'Forbidden');
  });

  it('accepts a bare token without the Bearer prefix, as Hook0 does', async () => {
    await harness
      .http()
      .get('/event_types')
      .query({ application_id: tenant.applicationId })
      .set('Authorization', tenant.secret)
      .expect(200);
  });

  it('keeps organizations to the master key: listed with role "master", 403 to an application secret, 404 when unknown', async () => {
    const listed = await harness.http().get('/organizations').set(master).expect(200);
    expect(listed.body).toEqual(
      expect.arrayContaining([{ organization_id: tenant.organizationId, role: 'master', name: 'Acme', plan: null }]),
    );
    const one = await harness.http().get(`/organizations/${tenant.organizationId}`).set(master).expect(200);
    expect(one.body).toMatchObject({ organization_id: tenant.organizationId, name: 'Acme', consumption: { applications: 1 } });
    const secret = { Authorization: `Bearer ${tenant.secret}` };
    expectProblem(await harness.http().get('/organizations').set(secret), 403, 'Forbidden');
    expectProblem(await harness.http().get(`/organizations/${tenant.organizationId}`).set(secret), 403, 'Forbidden');
    expectProblem(await harness.http().post('/organizations').set(secret).send({ name: 'Evil' }), 403, 'Forbidden');
    expectProblem(await harness.http().get(`/organizations/${randomUUID()}`).set(master), 404, 'NotFound');
  });

  it('changed nothing in the database through all the rejected requests above', async () => {
    expect(await probe.fingerprint()).toBe(fingerprint);
  });
});
