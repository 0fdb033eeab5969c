import type { Page } from 'playwright-core';
import { settled } from './page-check';

const ID = '([0-9a-f-]{36})';
/** An application's overview; its organization's and its own id are the groups. */
export const APPLICATION_PAGE = new RegExp(`/organizations/${ID}/applications/${ID}$`);
export const SUBSCRIPTION_PAGE = new RegExp(`/subscriptions/${ID}$`);

export interface EventTypeParts {
  readonly service: string;
  readonly resourceType: string;
  readonly verb: string;
}

export function eventTypeName({ service, resourceType, verb }: EventTypeParts): string {
  return `${service}.${resourceType}.${verb}`;
}

/**
 * On an organization's page: creates an application and opens it (by its link, unless the dashboard opened it
 * already); resolves with its id on its overview.
 */
export async function createApplication(page: Page, name: string): Promise<string> {
  await page.getByLabel('Application name').fill(name);
  await page.getByRole('button', { name: 'Create application' }).click();
  const link = page.getByRole('main').getByRole('link', { name, exact: true });
  await link
    .or(page.getByRole('navigation', { name: 'Application' }))
    .first()
    .waitFor();
  // The list may show the new link while the form, still busy, is about to open the application itself.
  await settled(page);
  if (!APPLICATION_PAGE.test(new URL(page.url()).pathname)) await link.click();
  await page.waitForURL(APPLICATION_PAGE);
  return APPLICATION_PAGE.exec(new URL(page.url()).pathname)![2];
}

/** Opens one of the application's tabs. */
export async function openTab(page: Page, tab: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Application' }).getByRole('link', { name: tab, exact: true }).click();
}

/** On the event types tab: creates one and waits for it in the list. */
export async function createEventType(page: Page, parts: EventTypeParts): Promise<void> {
  await page.getByLabel('Service').fill(parts.service);
  await page.getByLabel('Resource type').fill(parts.resourceType);
  await page.getByLabel('Verb').fill(parts.verb);
  await page.getByRole('button', { name: 'Create event type' }).click();
  await page.getByRole('cell', { name: eventTypeName(parts), exact: true }).waitFor();
}

export interface SubscriptionFields {
  readonly targetUrl: string;
  readonly eventType: string;
  readonly label: { readonly name: string; readonly value: string };
}

/** On the subscriptions tab: fills the new subscription form; `checkForm` sees it filled before it is sent. */
export async function createSubscription(
  page: Page,
  fields: SubscriptionFields,
  checkForm: () => Promise<void> = async () => undefined,
): Promise<string> {
  await page.getByRole('link', { name: 'New subscription' }).click();
  await page.getByLabel('Target URL').fill(fields.targetUrl);
  await page.getByRole('checkbox', { name: fields.eventType }).check();
  await page.getByLabel('Label name').first().fill(fields.label.name);
  await page.getByLabel('Label value').first().fill(fields.label.value);
  await checkForm();
  await page.getByRole('button', { name: 'Create subscription' }).click();
  await page.waitForURL(SUBSCRIPTION_PAGE);
  return SUBSCRIPTION_PAGE.exec(new URL(page.url()).pathname)![1];
}

/** On the request attempts tab: the status cells that read `status` ("Succeeded", "Failed"), one per attempt. */
export function attemptStatusCells(page: Page, status: string) {
  return page.getByRole('cell', { name: status, exact: true });
}

/** On a request attempt's page: its Status row, once it reads `status`. */
export function attemptPageStatus(page: Page, status: string) {
  return page
    .getByRole('row')
    .filter({ has: page.getByText('Status', { exact: true }) })
    .filter({ hasText: status });
}
