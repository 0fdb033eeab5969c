import express from 'express';
import { verifiedWebhook, webhookMiddleware } from '@hook0-ts/sdk';

// The subscription's secret; during a rotation, list the new one and the previous one.
const secrets = [process.env.SUBSCRIPTION_SECRET!];

express()
  // Mount the middleware before any body parser: signatures cover the raw body.
  .post('/hooks', webhookMiddleware({ secrets }), (_req, res) => {
    const webhook = verifiedWebhook(res); // 401 was already answered for a bad or stale signature
    console.log(webhook.eventType, webhook.eventId, webhook.json()); // deduplicate on eventId: delivery is at least once
    res.sendStatus(204);
  })
  .listen(Number(process.env.PORT ?? 4000));
