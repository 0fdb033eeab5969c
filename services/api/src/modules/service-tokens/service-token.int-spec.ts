import { createHash, randomUUID } from 'node:crypto';
import { startApiHarness, type ApiHarness } from '../../../test/api-harness';
import { DatabaseProbe } from '../../../test/database-probe';
import { expectProblem } from '../../../test/problem-assertions';
import { bearer, signedInUser } from '../../../test/user-fixtures';

type SignedIn = Awaited<ReturnType<typeof signedInUser>>;

describe('service tokens (docs/hook0-compatibility.md "Service tokens")', () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  let owner: SignedIn;
  let organizationId: string;

  beforeAll(async () => {
    harness = await startApiHarness();
    probe = await DatabaseProbe.open(harness);
    owner = await signedInUser(harness);
    organizationId = owner.organizationId;
  });
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  const http = () => harness.http();
  const create = (name = 'CI') => http().post('/service_token').set(owner.auth).send({ organization_id: organizationId, name });
  const list = () => http().get('/service_token').query({ organization_id: organizationId }).set(owner.auth);

  it('creates one (201): the biscuit is the token in clear, this once; list and get show only its hint', async () => {
    const created = await create('Deploy bot').expect(201);
    expect(created.body).toEqual({
      token_id: expect.any(String),
      name: 'Deploy bot',
      biscuit: expect.stringMatching(/^hk0_st_[A-Za-z0-9_-]{43}$/),
      created_at: expect.any(String),
    });
    const hint = `${created.body.biscuit.slice(0, 13)}…`;
    const listed = (await list().expect(200)).body.find((token: { token_id: string }) => token.token_id === created.body.token_id);
    expect(listed).toEqual({ ...created.body, biscuit: hint });
    const one = await http()
      .get(`/service_token/${created.body.token_id}`)
      .query({ organization_id: organizationId })
      .set(owner.auth)
      .expect(200);
    expect(one.body).toEqual({ ...created.body, biscuit: hint });
  });

  it('stores only the SHA-256 of the token', async () => {
    const { biscuit, token_id } = (await create().expect(201)).body;
    const [row] = await probe.query<{ token_hash: Buffer; dump: string }>(
      'SELECT token_hash, row_to_json(t)::text AS dump FROM service_token t WHERE token_id = $1',
      [token_id],
    );
    expect(row.token_hash.equals(createHash('sha256').update(biscuit).digest())).toBe(true);
    expect(row.dump).not.toContain(biscuit.slice(13));
  });

  it('authenticates as an editor of its organization, and of nothing else', async () => {
    const token = bearer((await create().expect(201)).body.biscuit);
    const stranger = await signedInUser(harness);
    expect((await http().get('/organizations').set(token).expect(200)).body).toEqual([
      expect.objectContaining({ organization_id: organizationId, role: 'editor' }),
    ]);
    const application = (
      await http().post('/applications').set(token).send({ organization_id: organizationId, name: 'By token' }).expect(201)
    ).body;
    await http()
      .post('/event_types')
      .set(token)
      .send({ application_id: application.application_id, service: 's', resource_type: 'r', verb: 'v' })
      .expect(201);
    expectProblem(
      await http().post('/applications').set(token).send({ organization_id: stranger.organizationId, name: 'Nope' }),
      403,
      'Forbidden',
    );
    expectProblem(await http().get(`/organizations/${stranger.organizationId}`).set(token), 403, 'Forbidden');
  });

  it('renames (200) and deletes by expiring (204): the token stops working at once, and is gone from list and get', async () => {
    const created = (await create('Old name').expect(201)).body;
    const renamed = await http()
      .put(`/service_token/${created.token_id}`)
      .set(owner.auth)
      .send({ organization_id: organizationId, name: 'New name' })
      .expect(200);
    expect(renamed.body).toMatchObject({ token_id: created.token_id, name: 'New name' });
    await http().get('/organizations').set(bearer(created.biscuit)).expect(200);
    await http().delete(`/service_token/${created.token_id}`).query({ organization_id: organizationId }).set(owner.auth).expect(204);
    expectProblem(await http().get('/organizations').set(bearer(created.biscuit)), 403, 'AuthInvalidBiscuit');
    expect((await list().expect(200)).body.map((token: { token_id: string }) => token.token_id)).not.toContain(created.token_id);
    expectProblem(
      await http().get(`/service_token/${created.token_id}`).query({ organization_id: organizationId }).set(owner.auth),
      404,
      'NotFound',
    );
    expectProblem(
      await http().delete(`/service_token/${created.token_id}`).query({ organization_id: organizationId }).set(owner.auth),
      404,
      'NotFound',
    );
    const [row] = await probe.query<{ expired: boolean }>(
      'SELECT expired_at IS NOT NULL AS expired FROM service_token WHERE token_id = $1',
      [created.token_id],
    );
    expect(row.expired).toBe(true);
  });

  it('answers 404 when the master key creates one in an organization that does not exist, and stores nothing', async () => {
    const missing = randomUUID();
    expectProblem(
      await http().post('/service_token').set(bearer(harness.masterKey)).send({ organization_id: missing, name: 'ghost' }),
      404,
      'NotFound',
    );
    expect(await probe.query('SELECT 1 FROM service_token WHERE organization_id = $1', [missing])).toEqual([]);
  });

  it("answers 404 to an unknown token id, and to a token of another organization named with one's own", async () => {
    const stranger = await signedInUser(harness);
    const theirs = (
      await http().post('/service_token').set(stranger.auth).send({ organization_id: stranger.organizationId, name: 'x' }).expect(201)
    ).body;
    for (const id of [randomUUID(), theirs.token_id]) {
      expectProblem(await http().get(`/service_token/${id}`).query({ organization_id: organizationId }).set(owner.auth), 404, 'NotFound');
      expectProblem(
        await http().put(`/service_token/${id}`).set(owner.auth).send({ organization_id: organizationId, name: 'y' }),
        404,
        'NotFound',
      );
      expectProblem(
        await http().delete(`/service_token/${id}`).query({ organization_id: organizationId }).set(owner.auth),
        404,
        'NotFound',
      );
    }
    await http().get('/organizations').set(bearer(theirs.biscuit)).expect(200);
  });

  it('leaves token management to editors: a service token may not list, create or delete service tokens', async () => {
    const created = (await create().expect(201)).body;
    const token = bearer(created.biscuit);
    expectProblem(await http().get('/service_token').query({ organization_id: organizationId }).set(token), 403, 'Forbidden');
    expectProblem(
      await http().get(`/service_token/${created.token_id}`).query({ organization_id: organizationId }).set(token),
      403,
      'Forbidden',
    );
    expectProblem(
      await http().post('/service_token').set(token).send({ organization_id: organizationId, name: 'child' }),
      403,
      'Forbidden',
    );
    expectProblem(
      await http().delete(`/service_token/${created.token_id}`).query({ organization_id: organizationId }).set(token),
      403,
      'Forbidden',
    );
  });

  it.each([
    ['an empty name', 422, 'Validation', { name: '' }],
    ['a 51-character name', 422, 'Validation', { name: 'x'.repeat(51) }],
    ['no name', 400, 'JsonPayload', { name: undefined }],
    ['a non-UUID organization_id', 400, 'JsonPayload', { organization_id: 'acme' }],
  ])('refuses %s with %i %s', async (_case, status, id, overrides: Record<string, unknown>) => {
    expectProblem(
      await http()
        .post('/service_token')
        .set(owner.auth)
        .send({ organization_id: organizationId, name: 'ok', ...overrides }),
      status,
      id,
    );
  });
});
