import { createTenant } from '../../../test/api-harness';
import { useApiWorld } from '../../../test/api-world';
import { expectProblem } from '../../../test/problem-assertions';
import { subscriptionBody } from '../../../test/subscription.fixtures';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('subscriptions (docs/hook0-compatibility.md "Subscriptions")', () => {
  const world = useApiWorld(['billing.invoice.paid', 'billing.invoice.sent']);

  const create = (overrides: Record<string, unknown> = {}) =>
    world.harness.http().post('/subscriptions').set(world.auth).send(subscriptionBody(world.tenant.applicationId, overrides));
  const get = (id: string, headers = world.auth) => world.harness.http().get(`/subscriptions/${id}`).set(headers);
  const put = (id: string, overrides: Record<string, unknown> = {}) =>
    world.harness.http().put(`/subscriptions/${id}`).set(world.auth).send(subscriptionBody(world.tenant.applicationId, overrides));
  const remove = (id: string, headers = world.auth) =>
    world.harness.http().delete(`/subscriptions/${id}`).query({ application_id: world.tenant.applicationId }).set(headers);
  const list = async () =>
    (await world.harness.http().get('/subscriptions').query({ application_id: world.tenant.applicationId }).set(world.auth).expect(200))
      .body;

  it('creates (201) in Hook0 shape, with a server-side secret and the project extensions', async () => {
    const response = await create({
      target: { type: 'http', method: 'PUT', url: 'https://Hooks.ACME.test', headers: { 'X-Api-Key': 'k', Accept: '*/*' } },
    }).expect(201);
    const secret: string = response.body.secret;
    expect(secret).toMatch(UUID_V4);
    expect(response.body).toEqual({
      application_id: world.tenant.applicationId,
      subscription_id: expect.stringMatching(UUID_V4),
      is_enabled: true,
      event_types: ['billing.invoice.paid'],
      description: 'Acme prod endpoint',
      secret,
      metadata: {},
      label_key: 'tenant_id',
      label_value: 'acme',
      labels: { tenant_id: 'acme' },
      target: { type: 'http', method: 'PUT', url: 'https://hooks.acme.test/', headers: { 'x-api-key': 'k', accept: '*/*' } },
      created_at: expect.stringMatching(RFC3339),
      updated_at: expect.stringMatching(RFC3339),
      dedicated_workers: [],
      standard_webhooks_secret: `whsec_${Buffer.from(secret, 'utf8').toString('base64')}`,
      retry_schedule: null,
      max_retries: null,
      max_in_flight: null,
      max_deliveries_per_second: null,
      health: {
        status: 'healthy',
        since: response.body.created_at,
        consecutive_failures: 0,
        last_success_at: null,
        last_failure_at: null,
        disabled_reason: null,
        next_probe_at: null,
      },
    });
    expect((await get(response.body.subscription_id).expect(200)).body).toEqual(response.body);
  });

  it('stores the retry extension in milliseconds and returns it as durations', async () => {
    const response = await create({ retry_schedule: ['5s', '1m', '90s', '1500ms', '2h', '10d'], max_retries: 7 }).expect(201);
    expect(response.body.retry_schedule).toEqual(['5s', '1m', '90s', '1500ms', '2h', '10d']);
    expect(response.body.max_retries).toBe(7);
    const [row] = await world.probe.query<{ retry_schedule_ms: number[]; max_retries: number }>(
      'SELECT retry_schedule_ms, max_retries FROM subscription WHERE subscription_id = $1',
      [response.body.subscription_id],
    );
    expect(row).toEqual({ retry_schedule_ms: [5000, 60000, 90000, 1500, 7200000, 864000000], max_retries: 7 });
  });

  it('stores the flow-control extension and returns it; PUT without it goes back to the defaults', async () => {
    const response = await create({ max_in_flight: 4, max_deliveries_per_second: 2.5 }).expect(201);
    expect(response.body).toMatchObject({ max_in_flight: 4, max_deliveries_per_second: 2.5 });
    const [row] = await world.probe.query<{ max_in_flight: number; max_deliveries_per_second: number }>(
      'SELECT max_in_flight, max_deliveries_per_second FROM subscription WHERE subscription_id = $1',
      [response.body.subscription_id],
    );
    expect(row).toEqual({ max_in_flight: 4, max_deliveries_per_second: 2.5 });
    const replaced = await put(response.body.subscription_id, {}).expect(200);
    expect(replaced.body).toMatchObject({ max_in_flight: null, max_deliveries_per_second: null });
  });

  it('turns legacy label_key/label_value into one label, and lets labels win over them', async () => {
    const legacy = await create({ labels: undefined, label_key: 'env', label_value: 'prod' }).expect(201);
    expect(legacy.body).toMatchObject({ labels: { env: 'prod' }, label_key: 'env', label_value: 'prod' });
    const both = await create({ labels: { region: 'eu' }, label_key: 'env', label_value: 'prod' }).expect(201);
    expect(both.body).toMatchObject({ labels: { region: 'eu' }, label_key: 'region', label_value: 'eu' });
  });

  it('echoes an empty dedicated_workers list and refuses named workers with 400 UnauthorizedWorkers', async () => {
    expect((await create({ dedicated_workers: [] }).expect(201)).body.dedicated_workers).toEqual([]);
    expectProblem(await create({ dedicated_workers: ['eu-west'] }), 400, 'UnauthorizedWorkers');
  });

  it('refuses unknown or deactivated event types with 400 EventTypeDoesNotExist, writing nothing', async () => {
    await world.harness
      .http()
      .post('/event_types')
      .set(world.auth)
      .send({ application_id: world.tenant.applicationId, service: 'old', resource_type: 'thing', verb: 'gone' })
      .expect(201);
    await world.harness
      .http()
      .delete('/event_types/old.thing.gone')
      .query({ application_id: world.tenant.applicationId })
      .set(world.auth)
      .expect(204);
    const before = await world.probe.counts();
    expectProblem(await create({ event_types: ['billing.invoice.paid', 'no.such.type'] }), 400, 'EventTypeDoesNotExist');
    expectProblem(await create({ event_types: ['old.thing.gone'] }), 400, 'EventTypeDoesNotExist');
    expect(await world.probe.counts()).toEqual(before);
  });

  it('lists live subscriptions, enabled and disabled, oldest first', async () => {
    const disabled = await create({ is_enabled: false, description: 'disabled one' }).expect(201);
    const deleted = await create({ description: 'deleted one' }).expect(201);
    await remove(deleted.body.subscription_id).expect(204);
    const listed = await list();
    const ids = listed.map((subscription: { subscription_id: string }) => subscription.subscription_id);
    expect(ids).toContain(disabled.body.subscription_id);
    expect(ids).not.toContain(deleted.body.subscription_id);
    const created = listed.map((subscription: { created_at: string }) => subscription.created_at);
    expect(created).toEqual([...created].sort());
  });

  it('gets one without application_id; to a foreign secret it is 404 like an unknown id, never the data', async () => {
    const created = await create().expect(201);
    const other = await createTenant(world.harness, []);
    const foreign = await get(created.body.subscription_id, { Authorization: `Bearer ${other.secret}` });
    expectProblem(foreign, 404, 'NotFound');
    expect(JSON.stringify(foreign.body)).not.toContain(created.body.secret);
    const unknown = await get('00000000-0000-4000-8000-000000000000', { Authorization: `Bearer ${other.secret}` });
    expect(unknown.body).toEqual(foreign.body);
    expectProblem(await get('00000000-0000-4000-8000-000000000000'), 404, 'NotFound');
    await get(created.body.subscription_id, { Authorization: `Bearer ${world.harness.masterKey}` }).expect(200);
  });

  it('replaces fully with PUT: new fields, same id, secret and created_at, later updated_at', async () => {
    const created = await create({ metadata: { team: 'a' }, retry_schedule: ['1s'], max_retries: 1 }).expect(201);
    const id: string = created.body.subscription_id;
    const replacement = {
      event_types: ['billing.invoice.sent'],
      description: undefined,
      labels: { env: 'staging' },
      target: { type: 'http', method: 'PATCH', url: 'http://other.test/hook?x=1', headers: {} },
    };
    const replaced = await put(id, replacement).expect(200);
    expect(replaced.body).toMatchObject({
      subscription_id: id,
      secret: created.body.secret,
      created_at: created.body.created_at,
      event_types: ['billing.invoice.sent'],
      description: null,
      metadata: {},
      labels: { env: 'staging' },
      target: { type: 'http', method: 'PATCH', url: 'http://other.test/hook?x=1', headers: {} },
      retry_schedule: null,
      max_retries: null,
      max_in_flight: null,
      max_deliveries_per_second: null,
    });
    expect(Date.parse(replaced.body.updated_at)).toBeGreaterThan(Date.parse(created.body.updated_at));
    expect((await get(id).expect(200)).body).toEqual(replaced.body);
  });

  it('answers 404 to PUT on an unknown or deleted subscription, or one of another application', async () => {
    expectProblem(await put('00000000-0000-4000-8000-000000000000'), 404, 'NotFound');
    const deleted = await create().expect(201);
    await remove(deleted.body.subscription_id).expect(204);
    expectProblem(await put(deleted.body.subscription_id), 404, 'NotFound');
    const other = await createTenant(world.harness, ['billing.invoice.paid']);
    const mine = await create().expect(201);
    const master = { Authorization: `Bearer ${world.harness.masterKey}` };
    const crossed = await world.harness
      .http()
      .put(`/subscriptions/${mine.body.subscription_id}`)
      .set(master)
      .send(subscriptionBody(other.applicationId));
    expectProblem(crossed, 404, 'NotFound');
  });
});
