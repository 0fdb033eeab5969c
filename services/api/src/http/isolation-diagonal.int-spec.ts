import type { Response } from 'supertest';
import { startApiHarness, type ApiHarness } from '../../test/api-harness';
import { DatabaseProbe } from '../../test/database-probe';
import { requestFor, send } from '../../test/isolation-requests';
import { buildWorld, type World } from '../../test/isolation-world';
import { expectProblem } from '../../test/problem-assertions';
import { applicationSecretMay, isTenantRoute, label, routeTable, serviceTokenMay } from '../../test/route-table';
import { bearer, registerUser, signedInUser, type TestUser } from '../../test/user-fixtures';
import type { RouteRow } from './route';

const ROUTES = routeTable();
const TENANT = ROUTES.filter(isTenantRoute);

type Caller = 'editor' | 'service token' | 'application secret';
const CALLERS: Caller[] = ['editor', 'service token', 'application secret'];
/** What each of A's credentials may do, read from the rows' access rules. */
const allowed = (route: RouteRow, caller: Caller) =>
  caller === 'editor' || (caller === 'service token' ? serviceTokenMay(route) : applicationSecretMay(route));

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

  async function call(route: RouteRow, target: World, caller: Caller): Promise<Response> {
    const known = { ...target.known };
    if (label(route) === 'DELETE /organizations/:organization_id' && caller === 'editor') {
      // Only an organization without applications can go: an empty one of the same editor.
      known.organization_id = (
        await harness.http().post('/organizations').set(owner.auth).send({ name: 'Empty' }).expect(200)
      ).body.organization_id;
    }
    return send(harness, requestFor(route, known), headersOf(target, caller));
  }

  describe.each(TENANT.map((route) => [label(route), route] as const))('%s', (_label, route) => {
    it.each(CALLERS)("lets A's %s do it when its role allows, and refuses it with 403 Forbidden otherwise", async (caller) => {
      const target = route.method === 'get' ? shared : await world();
      const response = await call(route, target, caller);
      if (allowed(route, caller)) expect(`${response.status} ${response.status < 300 ? '' : response.text}`).toBe(`${route.status} `);
      else expectProblem(response, 403, 'Forbidden');
    });
  });
});
