import type { Response } from 'supertest';
import { startApiHarness, type ApiHarness } from '../../test/api-harness';
import { DatabaseProbe } from '../../test/database-probe';
import { PUBLIC_ROUTES, requestFor, SELF_ROUTES, send } from '../../test/isolation-requests';
import { buildWorld, type World } from '../../test/isolation-world';
import { expectProblem } from '../../test/problem-assertions';
import { label, routeTable } from '../../test/route-table';
import { bearer, registerUser, signedInUser, type TestUser } from '../../test/user-fixtures';
import type { RouteDefinition } from './route';

const ROUTES = routeTable();
const TENANT = ROUTES.filter((route) => route.auth !== 'none' && !SELF_ROUTES.has(label(route)));

/** Identity administration: editors only, not service tokens (AccessPolicy.administration). */
const ADMINISTRATION = new Set([
  'DELETE /organizations/:organization_id',
  'POST /organizations/:organization_id/invite',
  'PUT /organizations/:organization_id/invite',
  'DELETE /organizations/:organization_id/invite',
  'GET /service_token',
  'POST /service_token',
  'GET /service_token/:token_id',
  'PUT /service_token/:token_id',
  'DELETE /service_token/:token_id',
]);

/** Application secrets act inside their application: routes that name one (or a subscription, which names its own). */
function applicationScoped(route: RouteDefinition): boolean {
  const request = requestFor(route, { application_id: 'app', organization_id: 'org' });
  const named = request.path.split('/').includes('app') || request.query.application_id === 'app' || request.body?.application_id === 'app';
  return named || label(route) === 'GET /subscriptions/:subscription_id';
}

type Caller = 'editor' | 'service token' | 'application secret';
const CALLERS: Caller[] = ['editor', 'service token', 'application secret'];
const allowed = (route: RouteDefinition, caller: Caller) =>
  caller === 'editor' || (caller === 'service token' ? !ADMINISTRATION.has(label(route)) : applicationScoped(route));

/** The positive diagonal: organization A's own credentials do what their role allows, and only that. */
describe("isolation diagonal: A's own credentials on every route", () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  let owner: Awaited<ReturnType<typeof signedInUser>>;
  let member: TestUser;
  let shared: World;

  beforeAll(async () => {
    harness = await startApiHarness({ ACCESS_TOKEN_TTL: '1h', REFRESH_TOKEN_TTL: '2h' });
    probe = await DatabaseProbe.open(harness);
    owner = await signedInUser(harness);
    member = await registerUser(harness);
    shared = await world();
  });
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  /** A fresh organization A, so that each write acts on resources nothing else touched. */
  async function world(): Promise<World> {
    const invitee = await registerUser(harness);
    const options = { members: [[member.email, 'viewer']] as const, memberUserId: member.userId, inviteeEmail: invitee.email };
    return buildWorld(harness, probe, owner.auth.Authorization.slice(7), options);
  }

  function headersOf(target: World, caller: Caller): Record<string, string> {
    if (caller === 'editor') return owner.auth;
    return bearer(caller === 'service token' ? target.serviceToken : target.secret);
  }

  async function call(route: RouteDefinition, target: World, caller: Caller): Promise<Response> {
    const known = { ...target.known };
    if (label(route) === 'DELETE /organizations/:organization_id' && caller === 'editor') {
      // Only an organization without applications can go: an empty one of the same editor.
      known.organization_id = (
        await harness.http().post('/organizations').set(owner.auth).send({ name: 'Empty' }).expect(200)
      ).body.organization_id;
    }
    return send(harness, requestFor(route, known), headersOf(target, caller));
  }

  it('declares public only the routes meant to be public', () => {
    const undeclared = ROUTES.filter((route) => route.auth === 'none' && !PUBLIC_ROUTES.has(label(route))).map(label);
    expect(undeclared).toEqual([]);
    for (const self of SELF_ROUTES) expect(ROUTES.map(label)).toContain(self);
  });

  describe.each(TENANT.map((route) => [label(route), route] as const))('%s', (_label, route) => {
    it.each(CALLERS)("lets A's %s do it when its role allows, and refuses it with 403 Forbidden otherwise", async (caller) => {
      const target = route.method === 'get' ? shared : await world();
      const response = await call(route, target, caller);
      if (allowed(route, caller)) expect(`${response.status} ${response.status < 300 ? '' : response.text}`).toBe(`${route.status} `);
      else expectProblem(response, 403, 'Forbidden');
    });
  });
});
