import type { Locator } from 'playwright-core';
import { ORGANIZATION_PAGE, logIn, pageHeading } from './support/account-steps';
import { attemptPageStatus, openTab } from './support/application-steps';
import { testPageChecks, useDashboardWorld } from './support/dashboard-world';
import { editorsDelivery, invitedViewer, type EditorsDelivery } from './support/editor-setup';
import { settled } from './support/page-check';

/** Fails if a viewer is shown `what` (docs/dashboard.md "Roles"). */
async function expectAbsent(locator: Locator, what: string): Promise<void> {
  const count = await locator.count();
  if (count > 0) throw new Error(`a viewer is shown ${what} (${count} of them)`);
}

/**
 * A viewer of an editor's organization (invited through the API) reads its application, subscription and request
 * attempt, and is shown no control that changes something and no secret.
 */
describe('a viewer in the dashboard', () => {
  const world = useDashboardWorld({ deliveries: true });
  let delivery: EditorsDelivery;
  let base: string;

  beforeAll(async () => {
    delivery = await editorsDelivery(world.harness, world.receiver.url);
    const viewer = await invitedViewer(world.harness, delivery.editor);
    base = `/organizations/${delivery.tenant.organizationId}/applications/${delivery.tenant.applicationId}`;
    await logIn(world.main.page, viewer);
  }, 90_000);

  it('opens the organization, where they may not create an application', async () => {
    const { page } = world.main;
    await page.getByRole('row').filter({ hasText: 'viewer' }).getByRole('link').click();
    await page.waitForURL(ORGANIZATION_PAGE);
    await page.getByRole('link', { name: 'Billing', exact: true }).waitFor();
    await settled(page);
    await expectAbsent(page.getByRole('button', { name: 'Create application' }), 'a "Create application" button');
    await world.check('viewer-organization');
  });

  it('reads the application without its Secrets tab or a form to create event types', async () => {
    const { page } = world.main;
    await page.goto(base);
    await pageHeading(page).waitFor();
    await page.getByRole('navigation', { name: 'Application' }).waitFor();
    await expectAbsent(page.getByRole('link', { name: 'Secrets' }), 'a "Secrets" tab');
    await world.check('viewer-application-overview');
    await openTab(page, 'Event types');
    await page.getByRole('cell', { name: 'billing.invoice.paid', exact: true }).waitFor();
    await expectAbsent(page.getByRole('button', { name: 'Create event type' }), 'a "Create event type" button');
  });

  it('lists subscriptions without "New subscription"', async () => {
    const { page } = world.main;
    await openTab(page, 'Subscriptions');
    const { targetUrl } = delivery.subscription;
    await page.getByText(targetUrl).or(page.getByText('Acme prod endpoint')).first().waitFor();
    await expectAbsent(page.getByRole('link', { name: 'New subscription' }), 'a "New subscription" link');
    await expectAbsent(page.getByRole('button', { name: 'New subscription' }), 'a "New subscription" button');
    await world.check('viewer-subscriptions');
  });

  it('reads a subscription without its secret or "Send test delivery"', async () => {
    const { page } = world.main;
    await page.goto(`${base}/subscriptions/${delivery.subscription.id}`);
    await page.getByText(delivery.subscription.targetUrl).first().waitFor();
    await settled(page);
    await expectAbsent(page.getByRole('button', { name: 'Send test delivery' }), 'a "Send test delivery" button');
    expect(await page.content()).not.toContain(delivery.subscription.secret);
    await world.check('viewer-subscription');
  });

  it('reads a request attempt without "Retry"', async () => {
    const { page } = world.main;
    await page.goto(`${base}/request_attempts/${delivery.attempt.request_attempt_id}`);
    await attemptPageStatus(page, 'Succeeded').waitFor();
    await settled(page);
    await expectAbsent(page.getByRole('button', { name: 'Retry' }), 'a "Retry" button');
    await world.check('viewer-request-attempt');
  });

  testPageChecks(world);
});
