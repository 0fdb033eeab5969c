import { newPerson, pageHeading, signUp } from './support/account-steps';
import { storedSessionOf } from './support/api-side';
import { createApplication, openTab } from './support/application-steps';
import { testPageChecks, useDashboardWorld } from './support/dashboard-world';

/**
 * Access tokens that live 20 s, under the dashboard's 30 s margin: every call it makes refreshes first. Pages that
 * send several calls at once must refresh once for all of them; a refresh token used twice would be taken as stolen
 * and the whole session revoked (docs/api.md "Tokens").
 */
describe('dashboard session refresh', () => {
  const world = useDashboardWorld({ apiEnv: { ACCESS_TOKEN_TTL: '20s' } });

  it('refreshes the access token before calls, once for calls made together, and stays signed in', async () => {
    const { page } = world.main;
    await signUp(page, newPerson());
    const first = (await storedSessionOf(world.main.context)).refreshToken;
    await createApplication(page, 'Refreshed');
    for (const tab of ['Event types', 'Subscriptions', 'Events', 'Request attempts', 'Secrets']) {
      await openTab(page, tab);
      await pageHeading(page, tab).waitFor();
    }
    await page.reload();
    await pageHeading(page, 'Secrets').waitFor();
    await page.goto('/');
    await pageHeading(page, 'Organizations').waitFor();
    await page.getByRole('main').getByRole('link', { name: /./ }).first().waitFor();
    expect((await storedSessionOf(world.main.context)).refreshToken).not.toBe(first);
    await world.check('organizations-after-refreshes');
  });

  testPageChecks(world);
});
