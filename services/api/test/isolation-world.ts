import { randomBytes } from 'node:crypto';
import type { ApiHarness } from './api-harness';
import { insertAttempt, insertResponse } from './attempt-fixtures';
import type { DatabaseProbe } from './database-probe';
import { bearer } from './user-fixtures';
import { subscriptionBody } from './subscription.fixtures';

/** Values a request can name, keyed by the route's parameter or field name. */
export type Known = Record<string, string>;

/** An organization with something of every kind in it, built through the API by its editor. */
export interface World {
  readonly organizationId: string;
  readonly applicationId: string;
  /** The Default secret of `applicationId`. */
  readonly secret: string;
  /** A second application of the same organization, and its secret. */
  readonly otherApplicationId: string;
  readonly otherSecret: string;
  readonly serviceToken: string;
  /** A service token of the organization that was deleted (expired). */
  readonly expiredServiceToken: string;
  /** What the routes' parameters name in this world. */
  readonly known: Known;
}

/** The event type every application of every world has, so bodies that name one are valid in any world. */
export const COMMON_EVENT_TYPE = 'billing.invoice.paid';

export interface WorldOptions {
  /** Users to add to the organization, as `[email, role]`. */
  readonly members?: readonly (readonly [string, 'editor' | 'viewer'])[];
  /** Fills `user_id` (the target of PUT/DELETE …/invite): a member's id. */
  readonly memberUserId?: string;
  /** Fills `email` (the target of POST …/invite): someone who is not a member. */
  readonly inviteeEmail?: string;
}

export async function buildWorld(
  harness: ApiHarness,
  probe: DatabaseProbe,
  editorToken: string,
  options: WorldOptions = {},
): Promise<World> {
  const auth = bearer(editorToken);
  const http = () => harness.http();
  const tag = randomBytes(4).toString('hex');
  const organizationId: string = (
    await http()
      .post('/organizations')
      .set(auth)
      .send({ name: `World ${tag}` })
      .expect(200)
  ).body.organization_id;
  const application = async (name: string) => {
    const applicationId: string = (await http().post('/applications').set(auth).send({ organization_id: organizationId, name }).expect(201))
      .body.application_id;
    const secret: string = (await http().get('/application_secrets').query({ application_id: applicationId }).set(auth).expect(200)).body[0]
      .token;
    await http()
      .post('/event_types')
      .set(auth)
      .send({ application_id: applicationId, service: 'billing', resource_type: 'invoice', verb: 'paid' })
      .expect(201);
    return { applicationId, secret };
  };
  const main = await application(`Billing ${tag}`);
  const other = await application(`Shipping ${tag}`);
  const app = main.applicationId;
  const ownEventType = `w${tag}.thing.made`;
  await http()
    .post('/event_types')
    .set(auth)
    .send({ application_id: app, service: `w${tag}`, resource_type: 'thing', verb: 'made' })
    .expect(201);
  const spareSecret: string = (await http().post('/application_secrets').set(auth).send({ application_id: app, name: 'spare' }).expect(201))
    .body.token;
  const subscriptionId: string = (await http().post('/subscriptions').set(auth).send(subscriptionBody(app)).expect(201)).body
    .subscription_id;
  const eventId: string = (await http().post('/event').set(auth).send(eventBody(app)).expect(201)).body.event_id;
  const responseId = await insertResponse(probe, {
    applicationId: app,
    httpCode: 200,
    headers: { 'content-type': 'text/plain' },
    body: `ok ${tag}`,
  });
  const requestAttemptId = await insertAttempt(probe, {
    applicationId: app,
    eventId,
    subscriptionId,
    responseId,
    succeededAt: new Date().toISOString(),
  });
  const replayId: string = (
    await http()
      .post('/replays')
      .set(auth)
      .send({ application_id: app, from: '2020-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', status: 'any' })
      .expect(202)
  ).body.replay_id;
  const service = (await http().post('/service_token').set(auth).send({ organization_id: organizationId, name: 'ci' }).expect(201)).body;
  const expired = (await http().post('/service_token').set(auth).send({ organization_id: organizationId, name: 'old' }).expect(201)).body;
  await http().delete(`/service_token/${expired.token_id}`).query({ organization_id: organizationId }).set(auth).expect(204);
  for (const [email, role] of options.members ?? []) {
    await http().post(`/organizations/${organizationId}/invite`).set(auth).send({ email, role }).expect(200);
  }
  return {
    organizationId,
    applicationId: app,
    secret: main.secret,
    otherApplicationId: other.applicationId,
    otherSecret: other.secret,
    serviceToken: service.biscuit,
    expiredServiceToken: expired.biscuit,
    known: {
      organization_id: organizationId,
      application_id: app,
      token: spareSecret,
      event_type_name: ownEventType,
      event_id: eventId,
      subscription_id: subscriptionId,
      request_attempt_id: requestAttemptId,
      response_id: responseId,
      replay_id: replayId,
      token_id: service.token_id,
      user_id: options.memberUserId ?? '',
      email: options.inviteeEmail ?? '',
    },
  };
}

/** A valid ingest body for an application of a world. */
export function eventBody(applicationId: string): Record<string, unknown> {
  return {
    application_id: applicationId,
    event_type: COMMON_EVENT_TYPE,
    payload: '{"invoice_id":"in_42"}',
    payload_content_type: 'application/json',
    occurred_at: '2026-05-04T09:12:30Z',
    labels: { tenant_id: 'acme' },
  };
}
