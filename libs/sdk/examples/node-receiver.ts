import { createServer } from 'node:http';
import { webhookHandler } from '@hook0-ts/sdk';

// Standard Webhooks headers, verified with the subscription's `standard_webhooks_secret` (whsec_…).
const handler = webhookHandler({ scheme: 'standard-webhooks', secrets: process.env.STANDARD_WEBHOOKS_SECRET! }, (webhook) => {
  console.log(webhook.eventId, webhook.json()); // answered 204 once this returns; 500 if it throws
});

createServer(handler).listen(Number(process.env.PORT ?? 4000));
