import { startApiHarness, type ApiHarness } from '../../test/api-harness';
import { signedInUser } from '../../test/user-fixtures';

type SignedIn = Awaited<ReturnType<typeof signedInUser>>;

/** Ids are accepted in any case, in paths, query strings and bodies (docs/hook0-compatibility.md "Conventions"). */
describe('upper-case ids', () => {
  let harness: ApiHarness;
  let user: SignedIn;

  beforeAll(async () => {
    harness = await startApiHarness();
    user = await signedInUser(harness);
  });
  afterAll(async () => {
    await harness.close();
  });

  const http = () => harness.http();
  const upper = (id: string) => id.toUpperCase();

  it('find the same resources as lower-case ones, and come back in lower case', async () => {
    const organizationId = user.organizationId;
    const created = await http()
      .post('/applications')
      .set(user.auth)
      .send({ organization_id: upper(organizationId), name: 'Upper' })
      .expect(201);
    expect(created.body.organization_id).toBe(organizationId);
    const applicationId: string = created.body.application_id;

    const byPath = await http()
      .get(`/applications/${upper(applicationId)}`)
      .set(user.auth)
      .expect(200);
    expect(byPath.body).toMatchObject({ application_id: applicationId, organization_id: organizationId });
    const byQuery = await http()
      .get('/applications')
      .query({ organization_id: upper(organizationId) })
      .set(user.auth)
      .expect(200);
    expect(byQuery.body.map((application: { application_id: string }) => application.application_id)).toContain(applicationId);
    await http()
      .get(`/organizations/${upper(organizationId)}`)
      .set(user.auth)
      .expect(200);

    const type = { application_id: upper(applicationId), service: 'billing', resource_type: 'invoice', verb: 'paid' };
    await http().post('/event_types').set(user.auth).send(type).expect(201);
    const types = await http()
      .get('/event_types')
      .query({ application_id: upper(applicationId) })
      .set(user.auth)
      .expect(200);
    expect(types.body.map((eventType: { event_type_name: string }) => eventType.event_type_name)).toEqual(['billing.invoice.paid']);

    const token = (
      await http()
        .post('/service_token')
        .set(user.auth)
        .send({ organization_id: upper(organizationId), name: 'CI' })
        .expect(201)
    ).body;
    const found = await http()
      .get(`/service_token/${upper(token.token_id)}`)
      .query({ organization_id: upper(organizationId) })
      .set(user.auth)
      .expect(200);
    expect(found.body.token_id).toBe(token.token_id);
  });
});
