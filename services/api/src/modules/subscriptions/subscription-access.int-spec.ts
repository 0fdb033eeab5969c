import { randomUUID } from 'node:crypto';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../../test/api-harness';
import { bearer, signedInUser } from '../../../test/user-fixtures';
import { MASKED } from './subscription.presenter';
import { withTarget } from '../../../test/subscription.fixtures';

/** The fields of a subscription response this file looks at; the response has the others too. */
interface SubscriptionJson {
  readonly subscription_id: string;
  readonly secret: string;
  readonly standard_webhooks_secret: string;
  readonly target: { readonly url: string; readonly headers: Record<string, string> };
}

/** What each caller reads of a subscription's credentials: everything with the write right, nothing without it. */
describe('subscription credentials by access (viewers read no secret)', () => {
  let harness: ApiHarness;
  let tenant: Tenant;
  let created: SubscriptionJson;
  let callers: Record<'master' | 'editor' | 'viewer' | 'service token' | 'application secret', Record<string, string>>;
  const receiverToken = randomUUID();
  const urlPassword = `pw-${randomUUID()}`;

  beforeAll(async () => {
    harness = await startApiHarness();
    tenant = await createTenant(harness);
    const master = bearer(harness.masterKey);
    const [viewer, editor] = [await signedInUser(harness), await signedInUser(harness)];
    for (const [user, role] of [
      [viewer, 'viewer'],
      [editor, 'editor'],
    ] as const) {
      await harness.http().post(`/organizations/${tenant.organizationId}/invite`).set(master).send({ email: user.email, role }).expect(200);
    }
    const token = (
      await harness.http().post('/service_token').set(editor.auth).send({ organization_id: tenant.organizationId, name: 'ci' }).expect(201)
    ).body.biscuit;
    callers = {
      master,
      editor: editor.auth,
      viewer: viewer.auth,
      'service token': bearer(token),
      'application secret': bearer(tenant.secret),
    };
    const target = {
      url: `https://hook:${urlPassword}@hooks.acme.test/in`,
      headers: { Authorization: `Bearer ${receiverToken}`, 'X-Tenant': 'acme' },
    };
    created = (await harness.http().post('/subscriptions').set(editor.auth).send(withTarget(tenant.applicationId, target)).expect(201))
      .body;
  });
  afterAll(() => harness.close());

  const get = (caller: keyof typeof callers) =>
    harness.http().get(`/subscriptions/${created.subscription_id}`).set(callers[caller]).expect(200);
  const listed = async (caller: keyof typeof callers) => {
    const response = await harness
      .http()
      .get('/subscriptions')
      .query({ application_id: tenant.applicationId })
      .set(callers[caller])
      .expect(200);
    return response.body.find((subscription: { subscription_id: string }) => subscription.subscription_id === created.subscription_id);
  };

  it('gives its creator the secrets, header values and URL as sent', () => {
    expect(created.secret).toEqual(expect.any(String));
    expect(created.standard_webhooks_secret).toMatch(/^whsec_/);
    expect(created.target).toMatchObject({
      url: `https://hook:${urlPassword}@hooks.acme.test/in`,
      headers: { authorization: `Bearer ${receiverToken}`, 'x-tenant': 'acme' },
    });
  });

  it.each(['master', 'editor', 'service token', 'application secret'] as const)(
    'shows everything to the %s, in the list and alone',
    async (caller) => {
      expect((await get(caller)).body).toEqual(created);
      expect(await listed(caller)).toEqual(created);
    },
  );

  it('shows the viewer the same subscription with null secrets and masked credentials, in the list and alone', async () => {
    const masked = {
      ...created,
      secret: null,
      standard_webhooks_secret: null,
      target: {
        ...created.target,
        url: `https://hook:${MASKED}@hooks.acme.test/in`,
        headers: { authorization: MASKED, 'x-tenant': MASKED },
      },
    };
    const alone = await get('viewer');
    expect(alone.body).toEqual(masked);
    expect(await listed('viewer')).toEqual(masked);
    const list = await harness.http().get('/subscriptions').query({ application_id: tenant.applicationId }).set(callers.viewer).expect(200);
    for (const text of [alone.text, list.text]) {
      for (const credential of [created.secret, created.standard_webhooks_secret, receiverToken, urlPassword])
        expect(text).not.toContain(credential);
    }
  });
});
