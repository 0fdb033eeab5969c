import { randomUUID } from 'node:crypto';
import { startApiHarness, type ApiHarness } from '../../../test/api-harness';
import { DatabaseProbe } from '../../../test/database-probe';
import { expectProblem } from '../../../test/problem-assertions';
import { bearer, signedInUser } from '../../../test/user-fixtures';

type SignedIn = Awaited<ReturnType<typeof signedInUser>>;
const UNLIMITED = 2_147_483_647;

describe('organizations (docs/hook0-compatibility.md "Organizations")', () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  let owner: SignedIn;
  let master: Record<string, string>;

  beforeAll(async () => {
    harness = await startApiHarness();
    probe = await DatabaseProbe.open(harness);
    owner = await signedInUser(harness, { first_name: 'Ada', last_name: 'Lovelace' });
    master = bearer(harness.masterKey);
  });
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  const http = () => harness.http();

  it('creates one with a user token (200 OrganizationInfo); the creator is its only member, as editor', async () => {
    const response = await http().post('/organizations').set(owner.auth).send({ name: 'Acme' }).expect(200);
    expect(response.body).toEqual({
      organization_id: expect.any(String),
      name: 'Acme',
      plan: null,
      users: [{ user_id: owner.userId, email: owner.email, first_name: 'Ada', last_name: 'Lovelace', role: 'editor' }],
      quotas: {
        members_per_organization_limit: UNLIMITED,
        applications_per_organization_limit: UNLIMITED,
        events_per_day_limit: UNLIMITED,
        days_of_events_retention_limit: UNLIMITED,
      },
      consumption: { members: 1, applications: 0, events_per_day: 0 },
      onboarding_steps: { application: 'ToDo', event_type: 'ToDo', subscription: 'ToDo', event: 'ToDo' },
    });
  });

  it("lists the caller's organizations with its role; the master key sees all as master", async () => {
    const created = (await http().post('/organizations').set(owner.auth).send({ name: 'Listed' }).expect(200)).body;
    const mine = (await http().get('/organizations').set(owner.auth).expect(200)).body;
    expect(mine).toContainEqual({ organization_id: created.organization_id, role: 'editor', name: 'Listed', plan: null });
    expect(mine).toContainEqual({ organization_id: owner.organizationId, role: 'editor', name: "Ada's organization", plan: null });
    const stranger = await signedInUser(harness);
    const theirs = (await http().get('/organizations').set(stranger.auth).expect(200)).body;
    expect(theirs.map((entry: { organization_id: string }) => entry.organization_id)).toEqual([stranger.organizationId]);
    const all = (await http().get('/organizations').set(master).expect(200)).body;
    expect(all).toContainEqual({ organization_id: created.organization_id, role: 'master', name: 'Listed', plan: null });
  });

  it('renames (200 OrganizationInfo) and answers 422 to a bad name', async () => {
    const { organization_id: id } = (await http().post('/organizations').set(owner.auth).send({ name: 'Before' }).expect(200)).body;
    const renamed = await http().put(`/organizations/${id}`).set(owner.auth).send({ name: 'After' }).expect(200);
    expect(renamed.body).toMatchObject({ organization_id: id, name: 'After', consumption: { members: 1 } });
    expectProblem(await http().put(`/organizations/${id}`).set(owner.auth).send({ name: 'x' }), 422, 'Validation');
    expectProblem(
      await http()
        .put(`/organizations/${id}`)
        .set(owner.auth)
        .send({ name: 'x'.repeat(51) }),
      422,
      'Validation',
    );
    expect((await http().get(`/organizations/${id}`).set(owner.auth).expect(200)).body.name).toBe('After');
  });

  it('refuses to delete one that still has an application (409), deletes it once the application is gone (204)', async () => {
    const { organization_id: id } = (await http().post('/organizations').set(owner.auth).send({ name: 'Doomed' }).expect(200)).body;
    const application = (await http().post('/applications').set(owner.auth).send({ organization_id: id, name: 'App' }).expect(201)).body;
    await http().post('/service_token').set(owner.auth).send({ organization_id: id, name: 'ci' }).expect(201);
    expect((await http().get(`/organizations/${id}`).set(owner.auth).expect(200)).body.onboarding_steps.application).toBe('Done');
    expectProblem(await http().delete(`/organizations/${id}`).set(owner.auth), 409, 'OrganizationIsNotEmpty');
    await http().get(`/applications/${application.application_id}`).set(owner.auth).expect(200);
    await http().delete(`/applications/${application.application_id}`).set(owner.auth).expect(204);
    await http().delete(`/organizations/${id}`).set(owner.auth).expect(204);
    expectProblem(await http().get(`/organizations/${id}`).set(owner.auth), 403, 'Forbidden');
    expectProblem(await http().get(`/organizations/${id}`).set(master), 404, 'NotFound');
    for (const table of ['organization_member', 'service_token', 'application']) {
      expect(await probe.query(`SELECT 1 FROM ${table} WHERE organization_id = $1`, [id])).toEqual([]);
    }
  });

  it('lets the master key create (without members), get, rename and delete any organization; 404 when unknown', async () => {
    const created = (await http().post('/organizations').set(master).send({ name: 'Mastered' }).expect(200)).body;
    expect(created.users).toEqual([]);
    await http().put(`/organizations/${created.organization_id}`).set(master).send({ name: 'Renamed' }).expect(200);
    await http().get(`/organizations/${owner.organizationId}`).set(master).expect(200);
    await http().delete(`/organizations/${created.organization_id}`).set(master).expect(204);
    const unknown = randomUUID();
    expectProblem(await http().get(`/organizations/${unknown}`).set(master), 404, 'NotFound');
    expectProblem(await http().put(`/organizations/${unknown}`).set(master).send({ name: 'Nope' }), 404, 'NotFound');
    expectProblem(await http().delete(`/organizations/${unknown}`).set(master), 404, 'NotFound');
    expectProblem(
      await http().post(`/organizations/${unknown}/invite`).set(master).send({ email: owner.email, role: 'viewer' }),
      404,
      'NotFound',
    );
  });

  it('refuses creation to application secrets and service tokens (403)', async () => {
    const application = (
      await http().post('/applications').set(owner.auth).send({ organization_id: owner.organizationId, name: 'App' }).expect(201)
    ).body;
    const secret = (
      await http().get('/application_secrets').query({ application_id: application.application_id }).set(owner.auth).expect(200)
    ).body[0].token;
    const service = (
      await http().post('/service_token').set(owner.auth).send({ organization_id: owner.organizationId, name: 'ci' }).expect(201)
    ).body.biscuit;
    expectProblem(await http().post('/organizations').set(bearer(secret)).send({ name: 'Nope' }), 403, 'Forbidden');
    expectProblem(await http().post('/organizations').set(bearer(service)).send({ name: 'Nope' }), 403, 'Forbidden');
    expect((await http().get('/organizations').set(bearer(service)).expect(200)).body).toEqual([
      { organization_id: owner.organizationId, role: 'editor', name: "Ada's organization", plan: null },
    ]);
  });
});
