import type { ApiHarness, Tenant } from '../../../services/api/test/api-harness';
import { ingestEvent } from '../../../services/api/test/event-requests';
import { withTarget } from '../../../services/api/test/subscription.fixtures';
import { registerUser, signedInUser, type TestUser } from '../../../services/api/test/user-fixtures';
import { finished, waitForAttempt, type Attempt } from './api-side';

export interface EditorsDelivery {
  readonly editor: TestUser & { readonly auth: Record<string, string> };
  /** The editor's organization and a new application in it, with its Default secret. */
  readonly tenant: Tenant;
  readonly subscription: { readonly id: string; readonly secret: string; readonly targetUrl: string };
  readonly eventId: string;
  /** The event's delivery to the subscription, finished. */
  readonly attempt: Attempt;
}

/**
 * Made through the API by a registered editor: an application, `billing.invoice.paid`, a subscription to the
 * receiver (labels `tenant_id: acme`), and an event delivered to it.
 */
export async function editorsDelivery(harness: ApiHarness, receiverUrl: string): Promise<EditorsDelivery> {
  const editor = await signedInUser(harness);
  const http = () => harness.http();
  const application = await http()
    .post('/applications')
    .set(editor.auth)
    .send({ organization_id: editor.organizationId, name: 'Billing' })
    .expect(201);
  const applicationId: string = application.body.application_id;
  const secrets = await http().get('/application_secrets').query({ application_id: applicationId }).set(editor.auth).expect(200);
  const tenant: Tenant = { organizationId: editor.organizationId, applicationId, secret: secrets.body[0].token };
  await http()
    .post('/event_types')
    .set(editor.auth)
    .send({ application_id: applicationId, service: 'billing', resource_type: 'invoice', verb: 'paid' })
    .expect(201);
  const targetUrl = `${receiverUrl}/hooks`;
  const subscription = await http()
    .post('/subscriptions')
    .set(editor.auth)
    .send(withTarget(applicationId, { url: targetUrl }))
    .expect(201);
  const eventId = await ingestEvent(harness, tenant, { occurred_at: new Date().toISOString() });
  const attempt = await waitForAttempt(harness, tenant.secret, applicationId, eventId, finished('successful'), 'the delivery');
  return {
    editor,
    tenant,
    subscription: { id: subscription.body.subscription_id, secret: subscription.body.secret, targetUrl },
    eventId,
    attempt,
  };
}

/** A newly registered user whom the editor invites into their organization as a viewer. */
export async function invitedViewer(harness: ApiHarness, editor: EditorsDelivery['editor']): Promise<TestUser> {
  const viewer = await registerUser(harness);
  await harness
    .http()
    .post(`/organizations/${editor.organizationId}/invite`)
    .set(editor.auth)
    .send({ email: viewer.email, role: 'viewer' })
    .expect(200);
  return viewer;
}
