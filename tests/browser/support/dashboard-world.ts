import type { Browser } from 'playwright-core';
import type { ServiceProcess } from '@hook0/testing';
import { startApiHarness, type ApiHarness } from '../../../services/api/test/api-harness';
import { startDispatcherFor } from '../../e2e/support/dispatcher-for-api';
import { launchChromium, openPage, type OpenPage } from './browser';
import { inspectPage } from './page-check';
import { SwitchableReceiver } from './switchable-receiver';

export interface DashboardWorld {
  /** The API in process over its own database and AMQP prefix; it serves the built dashboard at `/`. */
  readonly harness: ApiHarness;
  readonly receiver: SwitchableReceiver;
  /** The file's browser context (a person of its own, signed out at first) and its page. */
  readonly main: OpenPage;
  /** Screenshots and checks the page as it stands (see inspectPage); what fails it is kept in `findings`. */
  check(name: string): Promise<void>;
  /** What `check` found on every page so far; the file's last test expects none (see testPageChecks). */
  readonly findings: readonly string[];
}

export interface DashboardWorldOptions {
  /** Start a dispatcher, so that events are delivered. */
  readonly deliveries?: boolean;
  /** The API's configuration beside the harness's own (ACCESS_TOKEN_TTL, say). */
  readonly apiEnv?: Record<string, string>;
}

/**
 * The hooks of a browser test file: the API, a dispatcher that never retries by itself (so that a failed attempt is
 * finished at once and the dashboard may retry it), a switchable receiver, Chromium and a fresh context.
 */
export function useDashboardWorld(options: DashboardWorldOptions = {}): DashboardWorld {
  const receiver = new SwitchableReceiver();
  const findings: string[] = [];
  const started = {} as { harness: ApiHarness; browser: Browser; main: OpenPage; dispatcher?: ServiceProcess };

  beforeAll(async () => {
    await receiver.start();
    started.harness = await startApiHarness(options.apiEnv ?? {});
    if (options.deliveries) started.dispatcher = await startDispatcherFor(started.harness, { MAX_RETRIES: '0' });
    started.browser = await launchChromium();
    started.main = await openPage(started.browser, started.harness.api.url);
  }, 120_000);

  afterAll(async () => {
    await started.main?.context.close();
    await started.browser?.close();
    await started.dispatcher?.terminate();
    await started.harness?.close();
    await receiver.stop();
  }, 60_000);

  return {
    get harness() {
      return started.harness;
    },
    get main() {
      return started.main;
    },
    receiver,
    findings,
    async check(name) {
      findings.push(...(await inspectPage(started.main, name)));
    },
  };
}

/**
 * The file's last test: no page it checked had a serious or critical axe-core violation or an uncaught script error.
 * Kept apart from the steps, so that one page's violation does not stop the flow that leads to the next pages.
 */
export function testPageChecks(world: DashboardWorld): void {
  it('found no serious or critical accessibility violation and no script error on the pages checked', () => {
    expect(world.findings).toEqual([]);
  });
}
