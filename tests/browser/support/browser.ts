import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** Debian's Chromium (`apt-get install chromium`), headless, with nothing that reaches out to the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page in a browser context of its own (its own localStorage: another person), at a desktop size. */
export interface OpenPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught script errors the page raised and nobody has reported yet. */
  readonly errors: Error[];
}

export async function openPage(browser: Browser, baseURL: string): Promise<OpenPage> {
  const context = await browser.newContext({ baseURL, viewport: DESKTOP });
  // Failing steps report Playwright's own message well within the test's timeout.
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return { context, page, errors };
}
