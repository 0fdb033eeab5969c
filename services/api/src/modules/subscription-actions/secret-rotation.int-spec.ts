import { randomUUID } from 'node:crypto';
import { standardWebhooksSecret } from '@hook0/core';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../../test/api-harness';
import { DatabaseProbe } from '../../../test/database-probe';
import { expectProblem } from '../../../test/problem-assertions';
import { subscriptionBody } from '../../../test/subscription.fixtures';
import { bearer, signedInViewer } from '../../../test/user-fixtures';

/** `POST /subscriptions/{id}/secret/rotate` (docs/security.md "Secret rotation"). */
describe('secret rotation', () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  let tenant: Tenant;
  let editor: Record<string, string>;
  let viewer: Record<string, string>;

  beforeAll(async () => {
    harness = await startApiHarness();
    probe = await DatabaseProbe.open(harness);
    tenant = await createTenant(harness);
    editor = bearer(tenant.secret);
    viewer = await signedInViewer(harness, tenant.organizationId);
  });
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  const subscribe = async () =>
    (await harness.http().post('/subscriptions').set(editor).send(subscriptionBody(tenant.applicationId)).expect(201)).body as {
      subscription_id: string;
      secret: string;
    };
  const rotate = (subscriptionId: string, body: Record<string, unknown> = {}, auth = editor) =>
    harness
      .http()
      .post(`/subscriptions/${subscriptionId}/secret/rotate`)
      .set(auth)
      .send({ application_id: tenant.applicationId, ...body });
  const stored = async (subscriptionId: string) =>
    (
      await probe.query<{ secret: string; previous_secret: string | null; expires_in: number | null }>(
        `SELECT secret::text, previous_secret::text, extract(epoch FROM previous_secret_expires_at - now())::float8 AS expires_in
           FROM subscription WHERE subscription_id = $1`,
        [subscriptionId],
      )
    )[0];

  it('answers the subscription with a new secret, its whsec_ form, and when the previous one stops signing (one day by default)', async () => {
    const created = await subscribe();
    const response = await rotate(created.subscription_id).expect(200);

    expect(response.body.secret).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.secret).not.toBe(created.secret);
    expect(response.body.standard_webhooks_secret).toBe(standardWebhooksSecret(response.body.secret));
    expect(response.body).toMatchObject({ subscription_id: created.subscription_id, application_id: tenant.applicationId });
    const expiresIn = (Date.parse(response.body.previous_secret_expires_at) - Date.now()) / 1000;
    expect(expiresIn).toBeGreaterThan(86_400 - 60);
    expect(expiresIn).toBeLessThanOrEqual(86_400);
    expect(await stored(created.subscription_id)).toMatchObject({ secret: response.body.secret, previous_secret: created.secret });
    expect(JSON.stringify(response.body)).not.toContain(created.secret);
  });

  it('keeps no previous secret with an overlap of 0, and only the one replaced last when rotated again', async () => {
    const created = await subscribe();
    const first = (await rotate(created.subscription_id, { overlap_seconds: 600 }).expect(200)).body;
    const second = (await rotate(created.subscription_id, { overlap_seconds: 60 }).expect(200)).body;
    const row = await stored(created.subscription_id);
    expect(row).toMatchObject({ secret: second.secret, previous_secret: first.secret });
    expect(row.expires_in).toBeGreaterThan(0);
    expect(row.expires_in).toBeLessThanOrEqual(60);

    const third = await rotate(created.subscription_id, { overlap_seconds: 0 }).expect(200);
    expect(third.body.previous_secret_expires_at).toBeNull();
    expect(await stored(created.subscription_id)).toEqual({ secret: third.body.secret, previous_secret: null, expires_in: null });
  });

  it('shows the previous secret to no one: not the editor, not the viewer, in no read', async () => {
    const created = await subscribe();
    await rotate(created.subscription_id).expect(200);
    for (const auth of [editor, viewer]) {
      const one = await harness.http().get(`/subscriptions/${created.subscription_id}`).set(auth).expect(200);
      const all = await harness.http().get('/subscriptions').query({ application_id: tenant.applicationId }).set(auth).expect(200);
      expect(one.text).not.toContain(created.secret);
      expect(all.text).not.toContain(created.secret);
      expect(one.body).not.toHaveProperty('previous_secret');
    }
    expect((await harness.http().get(`/subscriptions/${created.subscription_id}`).set(viewer).expect(200)).body.secret).toBeNull();
  });

  it('refuses a viewer with 403 Forbidden, changing nothing', async () => {
    const created = await subscribe();
    expectProblem(await rotate(created.subscription_id, {}, viewer), 403, 'Forbidden');
    expect(await stored(created.subscription_id)).toEqual({ secret: created.secret, previous_secret: null, expires_in: null });
  });

  it.each([
    ['a negative overlap', { overlap_seconds: -1 }, 422, 'Validation'],
    ['an overlap above 30 days', { overlap_seconds: 30 * 86_400 + 1 }, 422, 'Validation'],
    ['a fractional overlap', { overlap_seconds: 1.5 }, 400, 'JsonPayload'],
    ['an overlap as text', { overlap_seconds: '60' }, 400, 'JsonPayload'],
    ['no application_id', { application_id: undefined }, 400, 'JsonPayload'],
  ])('refuses %s, changing nothing', async (_case, body, status, id) => {
    const created = await subscribe();
    expectProblem(await rotate(created.subscription_id, body), status, id);
    expect((await stored(created.subscription_id)).secret).toBe(created.secret);
  });

  it('accepts the bounds of the overlap, 0 and 30 days', async () => {
    const created = await subscribe();
    await rotate(created.subscription_id, { overlap_seconds: 30 * 86_400 }).expect(200);
    await rotate(created.subscription_id, { overlap_seconds: 0 }).expect(200);
  });

  it('answers 404 NotFound for an unknown, deleted or foreign subscription', async () => {
    expectProblem(await rotate(randomUUID()), 404, 'NotFound');
    const deleted = await subscribe();
    await harness
      .http()
      .delete(`/subscriptions/${deleted.subscription_id}`)
      .query({ application_id: tenant.applicationId })
      .set(editor)
      .expect(204);
    expectProblem(await rotate(deleted.subscription_id), 404, 'NotFound');

    const other = await createTenant(harness);
    const foreign = (
      await harness.http().post('/subscriptions').set(bearer(other.secret)).send(subscriptionBody(other.applicationId)).expect(201)
    ).body;
    expectProblem(await rotate(foreign.subscription_id, {}, bearer(harness.masterKey)), 404, 'NotFound');
    expect((await stored(foreign.subscription_id)).secret).toBe(foreign.secret);
  });
});
