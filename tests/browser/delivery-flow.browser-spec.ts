import type { Tenant } from '../../services/api/test/api-harness';
import { ingestEvent } from '../../services/api/test/event-requests';
import { ORGANIZATION_PAGE, newPerson, pageHeading, signUp } from './support/account-steps';
import { accessTokenOf, finished, waitForAttempt, type Attempt } from './support/api-side';
import {
  attemptPageStatus,
  attemptStatusCells,
  createApplication,
  createEventType,
  createSubscription,
  eventTypeName,
  openTab,
} from './support/application-steps';
import { testPageChecks, useDashboardWorld } from './support/dashboard-world';
import { FAILURE_BODY, FAILURE_STATUS } from './support/switchable-receiver';

/**
 * The dashboard's main flow, as an editor: an application, an event type, a subscription to the local receiver, an
 * event delivered, one failed (the receiver's answer shown), and that one retried once the receiver is back. Every
 * page on the way is screenshot and checked with axe-core at a desktop and a phone size.
 */
describe('the main flow in the dashboard', () => {
  const world = useDashboardWorld({ deliveries: true });
  const invoicePaid = { service: 'billing', resourceType: 'invoice', verb: 'paid' };
  const eventType = eventTypeName(invoicePaid);
  const label = { name: 'tenant_id', value: 'acme' };
  const flow = {} as { organizationId: string; applicationId: string; base: string; failed: Attempt; failedEventId: string };

  /** Ingests an event as the signed-in user (their access token) for the subscription's type and labels. */
  const send = async (invoiceId: string): Promise<{ eventId: string; token: string }> => {
    const token = await accessTokenOf(world.main.context);
    const asUser: Tenant = { organizationId: flow.organizationId, applicationId: flow.applicationId, secret: token };
    const eventId = await ingestEvent(world.harness, asUser, {
      event_type: eventType,
      payload: JSON.stringify({ invoice_id: invoiceId }),
      labels: { [label.name]: label.value },
      occurred_at: new Date().toISOString(),
    });
    return { eventId, token };
  };
  /** Later steps build on earlier ones: say so at once rather than time out looking for a page that never came. */
  const needs = (step: keyof typeof flow) => {
    if (!flow[step]) throw new Error(`no ${step}: an earlier step failed`);
  };

  it('signs up into an organization', async () => {
    const { page } = world.main;
    flow.organizationId = await signUp(page, newPerson());
    await pageHeading(page).waitFor();
    await world.check('organization');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizations', exact: true }).click();
    await pageHeading(page, 'Organizations').waitFor();
    await world.check('organizations');
    await page.getByRole('main').getByRole('link').first().click();
    await page.waitForURL(ORGANIZATION_PAGE);
  });

  it('creates an application and opens it', async () => {
    const { page } = world.main;
    flow.applicationId = await createApplication(page, 'Billing');
    flow.base = `/organizations/${flow.organizationId}/applications/${flow.applicationId}`;
    await pageHeading(page).waitFor();
    await world.check('application-overview');
  });

  it('creates an event type', async () => {
    needs('applicationId');
    await openTab(world.main.page, 'Event types');
    await createEventType(world.main.page, invoicePaid);
    await world.check('event-types');
  });

  it('creates a subscription to it with a label', async () => {
    needs('applicationId');
    const { page } = world.main;
    await openTab(page, 'Subscriptions');
    await pageHeading(page).waitFor();
    await world.check('subscriptions');
    const targetUrl = `${world.receiver.url}/hooks`;
    await createSubscription(page, { targetUrl, eventType, label }, () => world.check('subscription-form'));
    await page.getByText(targetUrl).first().waitFor();
    await page.getByRole('button', { name: 'Send test delivery' }).waitFor();
    await world.check('subscription');
  });

  it('delivers an event and shows its attempt succeeded', async () => {
    needs('applicationId');
    const { page } = world.main;
    const { eventId, token } = await send('in_1');
    await waitForAttempt(world.harness, token, flow.applicationId, eventId, finished('successful'), 'the first delivery');
    await openTab(page, 'Request attempts');
    await attemptStatusCells(page, 'Succeeded').first().waitFor();
    await world.check('request-attempts');
    await openTab(page, 'Events');
    await page.getByRole('cell', { name: eventType, exact: true }).first().waitFor();
    await world.check('events');
    await page.goto(`${flow.base}/events/${eventId}`);
    await page.getByText('in_1').first().waitFor();
    await world.check('event');
  });

  it("shows a failed attempt with the receiver's status and body", async () => {
    needs('applicationId');
    const { page } = world.main;
    world.receiver.fail();
    const { eventId, token } = await send('in_2');
    flow.failedEventId = eventId;
    flow.failed = await waitForAttempt(world.harness, token, flow.applicationId, eventId, finished('failed'), 'the failed delivery');
    await page.goto(`${flow.base}/request_attempts`);
    await attemptStatusCells(page, 'Failed').first().waitFor();
    await page.goto(`${flow.base}/request_attempts/${flow.failed.request_attempt_id}`);
    await attemptPageStatus(page, 'Failed').waitFor();
    await page
      .getByText(new RegExp(`\\b${FAILURE_STATUS}\\b`))
      .first()
      .waitFor();
    await page.getByText(FAILURE_BODY).first().waitFor();
    await world.check('request-attempt');
  });

  it('retries the failed attempt, which succeeds once the receiver answers again', async () => {
    needs('failed');
    const { page } = world.main;
    world.receiver.succeed();
    await page.goto(`${flow.base}/request_attempts/${flow.failed.request_attempt_id}`);
    await page.getByRole('button', { name: 'Retry' }).click();
    const token = await accessTokenOf(world.main.context);
    const retried = await waitForAttempt(
      world.harness,
      token,
      flow.applicationId,
      flow.failedEventId,
      finished('successful', flow.failed),
      'the retried delivery',
    );
    await page.goto(`${flow.base}/request_attempts`);
    await attemptStatusCells(page, 'Succeeded').nth(1).waitFor();
    await page.goto(`${flow.base}/request_attempts/${retried.request_attempt_id}`);
    await attemptPageStatus(page, 'Succeeded').waitFor();
  });

  testPageChecks(world);
});
