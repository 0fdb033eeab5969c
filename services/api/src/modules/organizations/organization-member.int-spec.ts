import { randomUUID } from 'node:crypto';
import { startApiHarness, type ApiHarness } from '../../../test/api-harness';
import { DatabaseProbe } from '../../../test/database-probe';
import { expectProblem } from '../../../test/problem-assertions';
import { bearer, signedInUser } from '../../../test/user-fixtures';

type SignedIn = Awaited<ReturnType<typeof signedInUser>>;

describe('invitations and roles (docs/hook0-compatibility.md "Organizations")', () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  let owner: SignedIn;
  let guest: SignedIn;

  beforeAll(async () => {
    harness = await startApiHarness();
    probe = await DatabaseProbe.open(harness);
    owner = await signedInUser(harness);
    guest = await signedInUser(harness, { first_name: 'Grace', last_name: 'Hopper' });
  });
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  const http = () => harness.http();
  const invitePath = (organizationId: string) => `/organizations/${organizationId}/invite`;
  const newOrganization = async () =>
    (await http().post('/organizations').set(owner.auth).send({ name: 'Team' }).expect(200)).body.organization_id as string;
  const roleOf = async (organizationId: string, auth: Record<string, string>) =>
    ((await http().get('/organizations').set(auth).expect(200)).body as { organization_id: string; role: string }[]).find(
      (o) => o.organization_id === organizationId,
    )?.role;

  it('answers 404 when the master key invites into an organization that does not exist', async () => {
    const missing = randomUUID();
    expectProblem(
      await http().post(invitePath(missing)).set(bearer(harness.masterKey)).send({ email: guest.email, role: 'viewer' }),
      404,
      'NotFound',
    );
    expect(await probe.query('SELECT 1 FROM organization_member WHERE organization_id = $1', [missing])).toEqual([]);
  });

  it('invites an existing user with a role (200 echo); they see the organization with that role at once', async () => {
    const id = await newOrganization();
    const response = await http().post(invitePath(id)).set(owner.auth).send({ email: guest.email, role: 'viewer' }).expect(200);
    expect(response.body).toEqual({ email: guest.email, role: 'viewer' });
    expect(await roleOf(id, guest.auth)).toBe('viewer');
    const info = (await http().get(`/organizations/${id}`).set(guest.auth).expect(200)).body;
    expect(info.users).toContainEqual({
      user_id: guest.userId,
      email: guest.email,
      first_name: 'Grace',
      last_name: 'Hopper',
      role: 'viewer',
    });
    expect(info.consumption.members).toBe(2);
  });

  it('changes a role with PUT and removes a member with DELETE (200 echo each); a removed member gets 403', async () => {
    const id = await newOrganization();
    await http().post(invitePath(id)).set(owner.auth).send({ email: guest.email, role: 'viewer' }).expect(200);
    const changed = await http().put(invitePath(id)).set(owner.auth).send({ user_id: guest.userId, role: 'editor' }).expect(200);
    expect(changed.body).toEqual({ user_id: guest.userId, role: 'editor' });
    expect(await roleOf(id, guest.auth)).toBe('editor');
    await http().put(`/organizations/${id}`).set(guest.auth).send({ name: 'Edited by guest' }).expect(200);
    const removed = await http().delete(invitePath(id)).set(owner.auth).send({ user_id: guest.userId }).expect(200);
    expect(removed.body).toEqual({ user_id: guest.userId });
    expect(await roleOf(id, guest.auth)).toBeUndefined();
    expectProblem(await http().get(`/organizations/${id}`).set(guest.auth), 403, 'Forbidden');
  });

  it.each([
    ['an unknown email', 404, 'InvitedUserDoesNotExist', { email: 'nobody@example.test', role: 'viewer' }],
    ['an unknown role', 400, 'InvalidRole', { email: 'GUEST', role: 'admin' }],
    ['a role in capitals', 400, 'InvalidRole', { email: 'GUEST', role: 'Editor' }],
    ['a numeric role', 400, 'JsonPayload', { email: 'GUEST', role: 1 }],
    ['no email', 400, 'JsonPayload', { role: 'viewer' }],
  ])('answers an invitation with %s with %i %s, and adds nobody', async (_case, status, id, body: Record<string, unknown>) => {
    const organizationId = await newOrganization();
    const sent = { ...body, ...(body.email === 'GUEST' ? { email: guest.email } : {}) };
    expectProblem(await http().post(invitePath(organizationId)).set(owner.auth).send(sent), status, id);
    expect(await probe.query('SELECT user_id FROM organization_member WHERE organization_id = $1', [organizationId])).toEqual([
      { user_id: owner.userId },
    ]);
  });

  it('answers 409 InvitedUserAlreadyInOrganization to a second invitation, and keeps the first role', async () => {
    const id = await newOrganization();
    await http().post(invitePath(id)).set(owner.auth).send({ email: guest.email, role: 'viewer' }).expect(200);
    expectProblem(
      await http().post(invitePath(id)).set(owner.auth).send({ email: guest.email.toUpperCase(), role: 'editor' }),
      409,
      'InvitedUserAlreadyInOrganization',
    );
    expectProblem(
      await http().post(invitePath(id)).set(owner.auth).send({ email: owner.email, role: 'viewer' }),
      409,
      'InvitedUserAlreadyInOrganization',
    );
    expect(await roleOf(id, guest.auth)).toBe('viewer');
  });

  it('answers 404 to PUT or DELETE of someone who is not a member, 400 InvalidRole to a bad role', async () => {
    const id = await newOrganization();
    expectProblem(await http().put(invitePath(id)).set(owner.auth).send({ user_id: guest.userId, role: 'editor' }), 404, 'NotFound');
    expectProblem(await http().delete(invitePath(id)).set(owner.auth).send({ user_id: randomUUID() }), 404, 'NotFound');
    expectProblem(await http().put(invitePath(id)).set(owner.auth).send({ user_id: owner.userId, role: 'master' }), 400, 'InvalidRole');
  });

  it('keeps viewers to reading: every write on the organization, its members, tokens and applications is 403, and so is the list of secrets', async () => {
    const id = await newOrganization();
    const application = (await http().post('/applications').set(owner.auth).send({ organization_id: id, name: 'App' }).expect(201)).body
      .application_id;
    await http().post(invitePath(id)).set(owner.auth).send({ email: guest.email, role: 'viewer' }).expect(200);
    await http().get(`/organizations/${id}`).set(guest.auth).expect(200);
    await http().get('/applications').query({ organization_id: id }).set(guest.auth).expect(200);
    await http().get('/service_token').query({ organization_id: id }).set(guest.auth).expect(200);
    const refused = [
      http().get('/application_secrets').query({ application_id: application }),
      http().put(`/organizations/${id}`).send({ name: 'Nope' }),
      http().delete(`/organizations/${id}`),
      http().post(invitePath(id)).send({ email: owner.email, role: 'editor' }),
      http().put(invitePath(id)).send({ user_id: guest.userId, role: 'editor' }),
      http().delete(invitePath(id)).send({ user_id: owner.userId }),
      http().post('/applications').send({ organization_id: id, name: 'Nope' }),
      http().post('/application_secrets').send({ application_id: application, name: 'Nope' }),
      http().post('/service_token').send({ organization_id: id, name: 'Nope' }),
      http().post('/event_types').send({ application_id: application, service: 'a', resource_type: 'b', verb: 'c' }),
    ];
    for (const request of refused) expectProblem(await request.set(guest.auth), 403, 'Forbidden');
    expect(await roleOf(id, guest.auth)).toBe('viewer');
  });

  it('leaves member management to editors: a service token of the organization gets 403', async () => {
    const id = await newOrganization();
    const service = bearer(
      (await http().post('/service_token').set(owner.auth).send({ organization_id: id, name: 'ci' }).expect(201)).body.biscuit,
    );
    expectProblem(await http().post(invitePath(id)).set(service).send({ email: guest.email, role: 'editor' }), 403, 'Forbidden');
    expectProblem(await http().delete(invitePath(id)).set(service).send({ user_id: owner.userId }), 403, 'Forbidden');
    expectProblem(await http().delete(`/organizations/${id}`).set(service), 403, 'Forbidden');
  });
});

describe('members quota (docs/hook0-compatibility.md "Quotas")', () => {
  it('answers 429 TooManyMembersPerOrganization past QUOTA_GLOBAL_MEMBERS_PER_ORGANIZATION_LIMIT', async () => {
    const harness = await startApiHarness({ ENABLE_QUOTA_ENFORCEMENT: 'true', QUOTA_GLOBAL_MEMBERS_PER_ORGANIZATION_LIMIT: '1' });
    try {
      const owner = await signedInUser(harness);
      const guest = await signedInUser(harness);
      const response = await harness
        .http()
        .post(`/organizations/${owner.organizationId}/invite`)
        .set(owner.auth)
        .send({ email: guest.email, role: 'viewer' });
      expectProblem(response, 429, 'TooManyMembersPerOrganization');
    } finally {
      await harness.close();
    }
  });
});
