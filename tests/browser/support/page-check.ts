import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, type OpenPage } from './browser';

export const SCREENSHOT_DIR = path.resolve(__dirname, '..', 'screenshots');

const VIEWPORTS = { desktop: DESKTOP, phone: PHONE };
/** axe's impacts that fail a page; `minor` and `moderate` ones are reported by axe but do not fail it. */
const BLOCKING = new Set(['serious', 'critical']);

/** Resolves once nothing on the page is loading (QueryState and busy buttons mark themselves `aria-busy`). */
export async function settled(page: Page): Promise<void> {
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
}

/**
 * Looks at the page as it stands at a desktop and a phone size: a full-page screenshot of each,
 * `tests/browser/screenshots/<name>-<size>.png`, and an axe-core run. Returns what fails it: every serious or critical
 * violation, and any uncaught script error the page raised so far (each reported once).
 */
export async function inspectPage(open: OpenPage, name: string): Promise<string[]> {
  const { page } = open;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const problems: string[] = [];
  try {
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      await settled(page);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${size}.png`), fullPage: true });
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const violation of violations.filter((v) => BLOCKING.has(v.impact ?? ''))) {
        const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ');
        problems.push(`${name} (${size}): [${violation.impact}] ${violation.id}: ${violation.help} (${targets})`);
      }
    }
  } finally {
    await page.setViewportSize(DESKTOP);
  }
  problems.push(...open.errors.splice(0).map((error) => `${name}: uncaught script error: ${error.message}`));
  return problems;
}
