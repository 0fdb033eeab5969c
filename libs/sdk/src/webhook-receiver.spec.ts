import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import express from 'express';
import request from 'supertest';
import { verifiedWebhook, webhookHandler, webhookMiddleware, type VerifiedWebhook } from './webhook-receiver';

const SECRET = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const BODY = '{"order_id":42}';
const signed = { 'content-type': 'application/json', 'x-event-id': 'evt-1', 'x-event-type': 'billing.invoice.paid' };

function deliveryHeaders(at = Math.floor(Date.now() / 1000), secret = SECRET): Record<string, string> {
  const names = Object.keys(signed).sort();
  const values = names.map((name) => signed[name as keyof typeof signed]);
  const v1 = createHmac('sha256', secret)
    .update(`${at}.${names.join(' ')}.${values.join('.')}.${BODY}`)
    .digest('hex');
  const standard = createHmac('sha256', secret).update(`evt-1.${at}.${BODY}`).digest('base64');
  return {
    ...signed,
    'x-hook0-signature': `t=${at},h=${names.join(' ')},v1=${v1}`,
    'webhook-id': 'evt-1',
    'webhook-timestamp': String(at),
    'webhook-signature': `v1,${standard}`,
  };
}

const receivers = () => {
  const received: VerifiedWebhook[] = [];
  const app = express();
  app.post('/hook0', webhookMiddleware({ secrets: SECRET }), (_req, res) => {
    received.push(verifiedWebhook(res));
    res.sendStatus(204);
  });
  app.post('/standard', express.raw({ type: '*/*' }), webhookMiddleware({ secrets: SECRET, scheme: 'standard-webhooks' }), (_req, res) => {
    received.push(verifiedWebhook(res));
    res.sendStatus(204);
  });
  const server = createServer(
    webhookHandler({ secrets: ['old-secret', SECRET], maxBodyBytes: 64 }, (webhook) => void received.push(webhook)),
  );
  return { received, app, server };
};

describe.each(['express', 'node:http'] as const)('the %s receiver', (kind) => {
  const { received, app, server } = receivers();
  const post = (path: string) => request(kind === 'express' ? app : server).post(kind === 'express' ? path : '/');
  beforeEach(() => (received.length = 0));

  it('hands a verified delivery to the handler, body as it arrived', async () => {
    await post('/hook0').set(deliveryHeaders()).send(BODY).expect(204);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      scheme: 'hook0',
      eventId: 'evt-1',
      eventType: 'billing.invoice.paid',
      contentType: 'application/json',
    });
    expect(received[0].body.toString()).toBe(BODY);
    expect(received[0].json()).toEqual({ order_id: 42 });
  });

  it('refuses a bad signature, a stale one and none with 401, without calling the handler', async () => {
    const stale = deliveryHeaders(Math.floor(Date.now() / 1000) - 600);
    expect((await post('/hook0').set(stale).send(BODY).expect(401)).body).toEqual({ error: 'outside_tolerance' });
    expect((await post('/hook0').set(deliveryHeaders(undefined, 'wrong')).send(BODY).expect(401)).body).toEqual({ error: 'code_mismatch' });
    expect((await post('/hook0').set(signed).send(BODY).expect(401)).body).toEqual({ error: 'signature_missing' });
    expect((await post('/hook0').set(deliveryHeaders()).send('{"order_id":43}').expect(401)).body).toEqual({ error: 'code_mismatch' });
    expect(received).toEqual([]);
  });
});

describe('the receivers, further', () => {
  it('verify Standard Webhooks after express.raw()', async () => {
    const { received, app } = receivers();
    await request(app).post('/standard').set(deliveryHeaders()).send(BODY).expect(204);
    expect(received[0]).toMatchObject({ scheme: 'standard-webhooks', eventId: 'evt-1' });
  });

  it('answer 413 past the body limit', async () => {
    const { received, server } = receivers();
    await request(server).post('/').set(deliveryHeaders()).send('x'.repeat(65)).expect(413);
    expect(received).toEqual([]);
  });

  it('answer 500 when the handler throws, so the sender retries', async () => {
    const server = createServer(
      webhookHandler({ secrets: SECRET }, () => {
        throw new Error('down');
      }),
    );
    await request(server).post('/').set(deliveryHeaders()).send(BODY).expect(500);
  });
});
