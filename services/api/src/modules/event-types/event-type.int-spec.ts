import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../../test/api-harness';
import { expectProblem } from '../../../test/problem-assertions';

describe('event types (docs/hook0-compatibility.md "Event types")', () => {
  let harness: ApiHarness;
  let tenant: Tenant;
  let auth: Record<string, string>;

  beforeAll(async () => {
    harness = await startApiHarness();
    tenant = await createTenant(harness, []);
    auth = { Authorization: `Bearer ${tenant.secret}` };
  });
  afterAll(() => harness.close());

  const create = (service: unknown, resource_type: unknown, verb: unknown) =>
    harness.http().post('/event_types').set(auth).send({ application_id: tenant.applicationId, service, resource_type, verb });
  const list = async () =>
    (await harness.http().get('/event_types').query({ application_id: tenant.applicationId }).set(auth).expect(200)).body;
  const get = (name: string) =>
    harness
      .http()
      .get(`/event_types/${encodeURIComponent(name)}`)
      .query({ application_id: tenant.applicationId })
      .set(auth);
  const remove = (name: string) =>
    harness
      .http()
      .delete(`/event_types/${encodeURIComponent(name)}`)
      .query({ application_id: tenant.applicationId })
      .set(auth);

  it('creates (201) in Hook0 shape, named service.resource_type.verb, and gets it back', async () => {
    const created = await create('billing', 'invoice', 'paid').expect(201);
    const view = { service_name: 'billing', resource_type_name: 'invoice', verb_name: 'paid', event_type_name: 'billing.invoice.paid' };
    expect(created.body).toEqual(view);
    expect((await get('billing.invoice.paid').expect(200)).body).toEqual(view);
  });

  it('lists active types ordered by name', async () => {
    await create('zeta', 'thing', 'done').expect(201);
    await create('alpha', 'thing', 'done').expect(201);
    const names = (await list()).map((type: { event_type_name: string }) => type.event_type_name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['alpha.thing.done', 'billing.invoice.paid', 'zeta.thing.done']));
  });

  it('re-creating the same name answers 201 again without a duplicate (upsert)', async () => {
    await create('billing', 'invoice', 'paid').expect(201);
    const names = (await list()).map((type: { event_type_name: string }) => type.event_type_name);
    expect(names.filter((name: string) => name === 'billing.invoice.paid')).toHaveLength(1);
  });

  it('deactivates (204): hidden from list and get (404), deleting again is 404, re-creating re-activates', async () => {
    await create('iam', 'user', 'created').expect(201);
    const response = await remove('iam.user.created').expect(204);
    expect(response.text).toBe('');
    expectProblem(await get('iam.user.created'), 404, 'NotFound');
    expect((await list()).map((type: { event_type_name: string }) => type.event_type_name)).not.toContain('iam.user.created');
    expectProblem(await remove('iam.user.created'), 404, 'NotFound');
    await create('iam', 'user', 'created').expect(201);
    await get('iam.user.created').expect(200);
  });

  it('accepts dots inside a component (Hook0 has no regex), giving a longer name', async () => {
    const created = await create('a.b', 'c', 'd').expect(201);
    expect(created.body.event_type_name).toBe('a.b.c.d');
    await get('a.b.c.d').expect(200);
  });

  it('accepts components of exactly 1 and 50 characters, refuses 0 and 51 with 422', async () => {
    await create('s', 'r', 'v').expect(201);
    await create('s'.repeat(50), 'r'.repeat(50), 'v'.repeat(50)).expect(201);
    const empty = await create('', 'r', 'v');
    expectProblem(empty, 422, 'Validation');
    expect(empty.body.validation).toEqual({ service: [expect.objectContaining({ code: 'length' })] });
    const long = await create('s', 'r'.repeat(51), 'v');
    expectProblem(long, 422, 'Validation');
    expect(Object.keys(long.body.validation)).toEqual(['resource_type']);
  });

  it('refuses control characters with 422 and non-strings or missing components with 400 JsonPayload', async () => {
    for (const value of ['bad\nname', 'tab\there', 'nul\u0000', 'del\u007f', 'c1\u0085'])
      expectProblem(await create('s', 'r', value), 422, 'Validation');
    expectProblem(await create(1, 'r', 'v'), 400, 'JsonPayload');
    expectProblem(await create('s', null, 'v'), 400, 'JsonPayload');
    expectProblem(await create('s', 'r', undefined), 400, 'JsonPayload');
  });

  it('answers 404 for an unknown name, and for names with control characters', async () => {
    expectProblem(await get('no.such.type'), 404, 'NotFound');
    expectProblem(await get('bad\u0000name'), 404, 'NotFound');
    expectProblem(await remove('no.such.type'), 404, 'NotFound');
  });

  it('scopes types to their application: a foreign secret gets 403, another application does not see them', async () => {
    const other = await createTenant(harness, []);
    const foreign = { Authorization: `Bearer ${other.secret}` };
    expectProblem(await harness.http().get('/event_types').query({ application_id: tenant.applicationId }).set(foreign), 403, 'Forbidden');
    const post = await harness
      .http()
      .post('/event_types')
      .set(foreign)
      .send({ application_id: tenant.applicationId, service: 'x', resource_type: 'y', verb: 'z' });
    expectProblem(post, 403, 'Forbidden');
    const theirs = await harness.http().get('/event_types').query({ application_id: other.applicationId }).set(foreign).expect(200);
    expect(theirs.body).toEqual([]);
    expectProblem(
      await harness.http().get('/event_types/billing.invoice.paid').query({ application_id: other.applicationId }).set(foreign),
      404,
      'NotFound',
    );
  });
});
