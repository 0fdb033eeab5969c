import type { Page } from 'playwright-core';
import { registrationBody } from '../../../services/api/test/user-fixtures';

export interface Person {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly password: string;
}

/** Someone not registered yet, with a unique email address. */
export function newPerson(): Person {
  const body = registrationBody();
  return {
    firstName: String(body.first_name),
    lastName: String(body.last_name),
    email: String(body.email),
    password: String(body.password),
  };
}

/** Where the dashboard puts an organization's page; the id is the first group. */
export const ORGANIZATION_PAGE = /\/organizations\/([0-9a-f-]{36})$/;

/** Signs up through /register; resolves on the new organization's page with its id. */
export async function signUp(page: Page, person: Person): Promise<string> {
  await page.goto('/register');
  await page.getByLabel('First name').fill(person.firstName);
  await page.getByLabel('Last name').fill(person.lastName);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(ORGANIZATION_PAGE);
  return ORGANIZATION_PAGE.exec(new URL(page.url()).pathname)![1];
}

/** Logs in through /login; resolves on the page it leads to (the organizations, unless sent there from another). */
export async function logIn(page: Page, person: Pick<Person, 'email' | 'password'>): Promise<void> {
  await fillLogin(page, person);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

export async function fillLogin(page: Page, person: Pick<Person, 'email' | 'password'>): Promise<void> {
  if (new URL(page.url()).pathname !== '/login') await page.goto('/login');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
}

/** The page's one h1, once it is there. */
export function pageHeading(page: Page, name?: string | RegExp) {
  return page.getByRole('heading', { level: 1, ...(name ? { name } : {}) });
}
