import { WebhookReceiver } from '@hook0/testing';

/** What the receiver answers while failing: a request attempt's page shows both. */
export const FAILURE_STATUS = 500;
export const FAILURE_BODY = 'receiver told to fail';

/** A local webhook receiver that answers 200, or FAILURE_STATUS with FAILURE_BODY between `fail()` and `succeed()`. */
export class SwitchableReceiver extends WebhookReceiver {
  private failing = false;

  constructor() {
    super();
    this.respondWith(() =>
      this.failing
        ? { status: FAILURE_STATUS, headers: { 'content-type': 'text/plain' }, body: FAILURE_BODY }
        : { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' },
    );
  }

  fail(): void {
    this.failing = true;
  }

  succeed(): void {
    this.failing = false;
  }
}
