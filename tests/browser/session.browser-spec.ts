import { fillLogin, logIn, newPerson, pageHeading, signOut, signUp } from './support/account-steps';
import { testPageChecks, useDashboardWorld } from './support/dashboard-world';

/** Signing up, out and in, a session that survives a reload, a refused password, and the keyboard (docs/dashboard.md). */
describe('dashboard sessions', () => {
  const world = useDashboardWorld();
  const person = newPerson();

  it('signs up and lands in the new organization', async () => {
    const { page } = world.main;
    await page.goto('/register');
    await world.check('register');
    await signUp(page, person);
    await pageHeading(page).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByText(person.email).waitFor();
  });

  it('signs out, logs in again, and a reload keeps the session', async () => {
    const { page } = world.main;
    await signOut(page);
    await world.check('login');
    await logIn(page, person);
    await pageHeading(page, 'Organizations').waitFor();
    await page.reload();
    await pageHeading(page, 'Organizations').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByText(person.email).waitFor();
  });

  it("shows the API's problem when the password is wrong", async () => {
    const { page } = world.main;
    await signOut(page);
    const refused = await world.harness.http().post('/auth/login').send({ email: person.email, password: 'not the password' }).expect(401);
    await fillLogin(page, { email: person.email, password: 'not the password' });
    await page.getByRole('button', { name: 'Log in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(`${refused.body.title}: ${refused.body.detail}`);
    await world.check('login-refused');
  });

  it('logs in with the keyboard alone', async () => {
    const { page } = world.main;
    await page.goto('/login');
    // The page is a script: Tab before it has drawn the form would find nothing to focus.
    await page.getByLabel('Email').waitFor();
    await page.keyboard.press('Tab');
    await page.getByLabel('Email').and(page.locator(':focus')).waitFor();
    await page.keyboard.type(person.email);
    await page.keyboard.press('Tab');
    await page.getByLabel('Password').and(page.locator(':focus')).waitFor();
    await page.keyboard.type(person.password);
    await page.keyboard.press('Enter');
    await pageHeading(page, 'Organizations').waitFor();
  });

  it('offers "Skip to content" as the first Tab stop of signed-in pages', async () => {
    const { page } = world.main;
    await page.goto('/');
    const organization = await page.getByRole('main').getByRole('link').first().getAttribute('href');
    for (const address of ['/', organization!]) {
      await page.goto(address);
      await pageHeading(page).waitFor();
      await page.keyboard.press('Tab');
      await page.getByRole('link', { name: 'Skip to content' }).and(page.locator(':focus')).waitFor();
      await page.keyboard.press('Enter');
      await page.getByRole('main').and(page.locator(':focus')).waitFor();
    }
  });

  testPageChecks(world);
});
