import { randomBytes, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { problemBody, ProblemError, type ProblemId } from '@hook0/core';
import { startApiHarness, type ApiHarness } from '../../test/api-harness';
import { DatabaseProbe } from '../../test/database-probe';
import { fullFingerprint } from '../../test/identity-fingerprint';
import { ghostOf, namesResource, requestFor, send } from '../../test/isolation-requests';
import { buildWorld, type Known, type World } from '../../test/isolation-world';
import { expectProblem } from '../../test/problem-assertions';
import { isTenantRoute, label, routeTable, viewerMay } from '../../test/route-table';
import { bearer, login, registerUser, signedInUser } from '../../test/user-fixtures';
import type { RouteRow } from './route';

const ROUTES = routeTable();
const GUARDED = ROUTES.filter((route) => route.auth !== 'none');
/** Routes that act on a resource of organization A (everything guarded but the caller's own session and list). */
const TENANT = GUARDED.filter(isTenantRoute);
const rows = (routes: RouteRow[]) => routes.map((route) => [label(route), route] as const);
const opaque = (prefix: string) => prefix + randomBytes(32).toString('base64url');
/** Callers outside organization A, built in beforeAll with the scope (organization, application) they act in. */
const OUTSIDERS = [
  'an editor of organization B',
  "organization B's service token",
  "the secret of B's application",
  "the secret of A's other application",
] as const;
type Outsider = (typeof OUTSIDERS)[number];

/**
 * The isolation matrix (docs/api.md, "Who may do what"): every route of the table against every kind of
 * caller that must not reach organization A. A refusal is 401, 403 or 404 with the generic problem body, the same
 * for A's real resources as for ids that exist nowhere (no existence oracle), and it writes nothing.
 */
describe('isolation matrix: every route × every caller outside organization A', () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  let a: World;
  let b: World;
  let viewer: Record<string, string>;
  let foreign: Record<Outsider, [Record<string, string>, Known]>;
  let revoked: [string, Record<string, string>][];
  let fingerprint: string;

  beforeAll(async () => {
    harness = await startApiHarness({ ACCESS_TOKEN_TTL: '1h', REFRESH_TOKEN_TTL: '2h' });
    probe = await DatabaseProbe.open(harness);
    const owner = await signedInUser(harness);
    const reader = await signedInUser(harness);
    const outsider = await signedInUser(harness);
    const invitee = await registerUser(harness);
    const options = { memberUserId: reader.userId, inviteeEmail: invitee.email };
    a = await buildWorld(harness, probe, owner.auth.Authorization.slice(7), { ...options, members: [[reader.email, 'viewer']] });
    b = await buildWorld(harness, probe, outsider.auth.Authorization.slice(7), options);
    viewer = reader.auth;
    const scopeB = { organization_id: b.organizationId, application_id: b.applicationId };
    foreign = {
      'an editor of organization B': [outsider.auth, scopeB],
      "organization B's service token": [bearer(b.serviceToken), scopeB],
      "the secret of B's application": [bearer(b.secret), scopeB],
      "the secret of A's other application": [
        bearer(a.otherSecret),
        { organization_id: a.organizationId, application_id: a.otherApplicationId },
      ],
    };
    const ended = await login(harness, owner);
    await harness.http().post('/auth/logout').set(bearer(ended.accessToken)).expect(204);
    revoked = [
      ["the owner's logged-out access token", bearer(ended.accessToken)],
      ["the owner's refresh token", bearer((await login(harness, owner)).refreshToken)],
      ["A's expired service token", bearer(a.expiredServiceToken)],
      ["the secret of A's deleted application", bearer(await deletedApplicationSecret(owner.auth))],
    ];
    fingerprint = await fullFingerprint(probe);
  }, 60_000);
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  /** A live organization's application, deleted: its secret must stop working. */
  async function deletedApplicationSecret(auth: Record<string, string>): Promise<string> {
    const application = (
      await harness.http().post('/applications').set(auth).send({ organization_id: a.organizationId, name: 'Gone' }).expect(201)
    ).body;
    const secret = (
      await harness.http().get('/application_secrets').query({ application_id: application.application_id }).set(auth).expect(200)
    ).body[0].token;
    await harness.http().delete(`/applications/${application.application_id}`).set(auth).expect(204);
    return secret;
  }

  /** 403 or 404 with the catalogue's own title and detail: nothing of A, nothing of B. */
  function expectGenericRefusal(response: Response): void {
    expect([403, 404]).toContain(response.status);
    expect(response.body).toEqual(problemBody(new ProblemError(response.body.id as ProblemId)));
    expect(['Forbidden', 'NotFound']).toContain(response.body.id);
  }

  /** The request on A's resources and on resources that exist nowhere get the same answer, and change nothing. */
  async function expectIsolated(route: RouteRow, known: Known, headers: Record<string, string>, keepScope: boolean): Promise<void> {
    const real = await send(harness, requestFor(route, known), headers);
    const ghost = await send(harness, requestFor(route, ghostOf(known, keepScope)), headers);
    expectGenericRefusal(real);
    expect({ status: ghost.status, body: ghost.body }).toEqual({ status: real.status, body: real.body });
    expect(await fullFingerprint(probe)).toBe(fingerprint);
  }

  describe.each(rows(GUARDED))('%s', (_label, route) => {
    it('answers 401 AuthNoAuthorizationHeader without a token', async () => {
      expectProblem(await send(harness, requestFor(route, a.known), {}), 401, 'AuthNoAuthorizationHeader');
    });

    it.each([
      ['an unknown UUID', () => randomUUID()],
      ['an unknown access token', () => opaque('hk0_at_')],
      ['an unknown service token', () => opaque('hk0_st_')],
      ['an unknown refresh token', () => opaque('hk0_rt_')],
      ['a token of no known kind', () => opaque('hk0_xx_')],
    ])('refuses %s', async (_case, token) => {
      const response = await send(harness, requestFor(route, a.known), bearer(token()));
      if (route.auth === 'refresh') expectProblem(response, 401, 'AuthFailedRefresh');
      else expectProblem(response, 403, 'AuthInvalidBiscuit');
    });
  });

  describe.each(rows(TENANT))('%s', (_label, route) => {
    it('refuses revoked and misplaced credentials of A with 403 AuthInvalidBiscuit, and writes nothing', async () => {
      for (const [name, headers] of revoked) {
        const response = await send(harness, requestFor(route, a.known), headers);
        expect(`${name}: ${response.status} ${response.body?.id}`).toBe(`${name}: 403 AuthInvalidBiscuit`);
      }
      expect(await fullFingerprint(probe)).toBe(fingerprint);
    });

    it.each(OUTSIDERS)('refuses %s as it refuses ids that exist nowhere, and writes nothing', async (outsider) => {
      await expectIsolated(route, a.known, foreign[outsider][0], false);
    });

    if (namesResource(route)) {
      it.each(OUTSIDERS)("refuses %s naming A's resource inside its own scope, as it refuses an unknown one", async (outsider) => {
        const [headers, scope] = foreign[outsider];
        await expectIsolated(route, { ...a.known, ...scope }, headers, true);
      });
    }
  });

  describe.each(rows(TENANT.filter((route) => !viewerMay(route))))('%s', (_label, route) => {
    it("refuses A's viewer with 403 Forbidden, and writes nothing", async () => {
      expectProblem(await send(harness, requestFor(route, a.known), viewer), 403, 'Forbidden');
      expect(await fullFingerprint(probe)).toBe(fingerprint);
    });
  });

  describe.each(rows(TENANT.filter(viewerMay)))('%s', (_label, route) => {
    it("lets A's viewer read", async () => {
      const response = await send(harness, requestFor(route, a.known), viewer);
      expect(`${response.status} ${response.status < 300 ? '' : response.text}`).toBe(`200 `);
    });
  });

  it('lists organization A to nobody outside it', async () => {
    for (const [name, [headers]] of Object.entries(foreign)) {
      const response = await harness.http().get('/organizations').set(headers);
      expect(`${name}: ${response.text}`).not.toContain(a.organizationId);
    }
  });

  it('has nothing changed in the database by all of the above', async () => {
    expect(await fullFingerprint(probe)).toBe(fingerprint);
  });
});
