import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../../test/api-harness';
import { DatabaseProbe } from '../../../test/database-probe';
import { expectProblem } from '../../../test/problem-assertions';
import { signedInUser } from '../../../test/user-fixtures';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('application secrets (docs/hook0-compatibility.md "Application secrets")', () => {
  let harness: ApiHarness;
  let tenant: Tenant;
  let master: Record<string, string>;

  beforeAll(async () => {
    harness = await startApiHarness();
    tenant = await createTenant(harness);
    master = { Authorization: `Bearer ${harness.masterKey}` };
  });
  afterAll(() => harness.close());

  const list = (auth = master) => harness.http().get('/application_secrets').query({ application_id: tenant.applicationId }).set(auth);

  it('lists the Default secret created with the application, in Hook0 shape', async () => {
    const response = await list().expect(200);
    expect(response.body).toHaveLength(1);
    expect(response.body[0]).toEqual({
      name: 'Default',
      token: tenant.secret,
      created_at: expect.stringMatching(RFC3339),
      deleted_at: null,
    });
  });

  it('creates secrets (201), with or without a name, listed oldest first; the new token authenticates', async () => {
    const named = await harness
      .http()
      .post('/application_secrets')
      .set(master)
      .send({ application_id: tenant.applicationId, name: 'CI' })
      .expect(201);
    expect(named.body).toEqual({ name: 'CI', token: expect.any(String), created_at: expect.stringMatching(RFC3339), deleted_at: null });
    const unnamed = await harness
      .http()
      .post('/application_secrets')
      .set(master)
      .send({ application_id: tenant.applicationId })
      .expect(201);
    expect(unnamed.body.name).toBeNull();
    const tokens = (await list().expect(200)).body.map((secret: { token: string }) => secret.token);
    expect(tokens).toEqual([tenant.secret, named.body.token, unnamed.body.token]);
    await list({ Authorization: `Bearer ${named.body.token}` }).expect(200);
  });

  it('renames with PUT (200) and answers 404 for an unknown token', async () => {
    const created = await harness
      .http()
      .post('/application_secrets')
      .set(master)
      .send({ application_id: tenant.applicationId, name: 'old' })
      .expect(201);
    const renamed = await harness
      .http()
      .put(`/application_secrets/${created.body.token}`)
      .set(master)
      .send({ application_id: tenant.applicationId, name: 'new' })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'new', token: created.body.token, deleted_at: null });
    const unknown = await harness
      .http()
      .put('/application_secrets/00000000-0000-4000-8000-000000000000')
      .set(master)
      .send({ application_id: tenant.applicationId, name: 'x' });
    expectProblem(unknown, 404, 'NotFound');
  });

  it('deletes softly (204): the secret disappears from the list and no longer authenticates; deleting again is 404', async () => {
    const created = await harness
      .http()
      .post('/application_secrets')
      .set(master)
      .send({ application_id: tenant.applicationId, name: 'temp' })
      .expect(201);
    const path = `/application_secrets/${created.body.token}`;
    const response = await harness.http().delete(path).query({ application_id: tenant.applicationId }).set(master).expect(204);
    expect(response.text).toBe('');
    expect((await list().expect(200)).body.map((secret: { token: string }) => secret.token)).not.toContain(created.body.token);
    expectProblem(await list({ Authorization: `Bearer ${created.body.token}` }), 403, 'AuthInvalidBiscuit');
    expectProblem(await harness.http().delete(path).query({ application_id: tenant.applicationId }).set(master), 404, 'NotFound');
  });

  it('validates: name over 50 characters is 422, a numeric name is 400 JsonPayload, a missing application_id is 400', async () => {
    const post = (body: object) => harness.http().post('/application_secrets').set(master).send(body);
    const long = await post({ application_id: tenant.applicationId, name: 'n'.repeat(51) });
    expectProblem(long, 422, 'Validation');
    expect(long.body.validation).toEqual({ name: [expect.objectContaining({ code: 'length' })] });
    expectProblem(await post({ application_id: tenant.applicationId, name: 42 }), 400, 'JsonPayload');
    expectProblem(await post({ name: 'x' }), 400, 'JsonPayload');
  });

  it("refuses the list to the organization's viewer (403, nothing written) and gives it to its editor", async () => {
    const [viewer, editor] = [await signedInUser(harness), await signedInUser(harness)];
    for (const [user, role] of [
      [viewer, 'viewer'],
      [editor, 'editor'],
    ] as const) {
      await harness.http().post(`/organizations/${tenant.organizationId}/invite`).set(master).send({ email: user.email, role }).expect(200);
    }
    const probe = await DatabaseProbe.open(harness);
    const before = await probe.fingerprint();
    const refused = await list(viewer.auth);
    expectProblem(refused, 403, 'Forbidden');
    expect(refused.text).not.toContain(tenant.secret);
    expect(await probe.fingerprint()).toBe(before);
    await probe.close();
    expect((await list(editor.auth).expect(200)).body[0]).toMatchObject({ name: 'Default', token: tenant.secret });
  });

  it('keeps applications apart: another application’s secret gets 403 and a secret of this application cannot be touched from there', async () => {
    const other = await createTenant(harness, []);
    const foreign = { Authorization: `Bearer ${other.secret}` };
    expectProblem(await list(foreign), 403, 'Forbidden');
    const rename = await harness
      .http()
      .put(`/application_secrets/${tenant.secret}`)
      .set(foreign)
      .send({ application_id: other.applicationId, name: 'stolen' });
    expectProblem(rename, 404, 'NotFound');
    const remove = await harness
      .http()
      .delete(`/application_secrets/${tenant.secret}`)
      .query({ application_id: other.applicationId })
      .set(foreign);
    expectProblem(remove, 404, 'NotFound');
    expect((await list().expect(200)).body[0]).toMatchObject({ name: 'Default', token: tenant.secret, deleted_at: null });
  });
});
