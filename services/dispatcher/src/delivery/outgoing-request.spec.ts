import { UnsignableHeaderError, standardWebhooksSecret } from '@hook0/core';
import { Webhook } from 'standardwebhooks';
import { buildOutgoingRequest, type DeliveryTarget, type SigningOptions } from './outgoing-request';

const target: DeliveryTarget = {
  applicationId: '0190a8f2-2222-7000-8000-000000000002',
  eventId: '0190a8f2-1111-7000-8000-000000000001',
  eventTypeName: 'billing.invoice.paid',
  payload: Buffer.from('{"order_id":42}'),
  payloadContentType: 'application/json',
  method: 'post',
  url: 'https://hooks.acme.test/in',
  customHeaders: {},
  secret: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
};
const options: SigningOptions = {
  signatureHeaderName: 'X-Hook0-Signature',
  signatureVersions: ['v1'],
  userAgent: 'hook0-ts-dispatcher/test',
};
const T = 1_700_000_000;

describe('buildOutgoingRequest', () => {
  it("reproduces the contract's signature vector (docs/hook0-compatibility.md, Delivery and signatures)", () => {
    const request = buildOutgoingRequest(target, options, T);

    expect(request.headers['x-hook0-signature']).toBe(
      't=1700000000,h=content-type x-event-id x-event-type,v1=4f369af5bf3a1b6dcf8e48ddd0c95700af1faff5c4f11b3c9b445ad4d440a431',
    );
  });

  it('sets headers in order: custom, content-type, x-event-id, x-event-type, signature, Standard Webhooks, user-agent', () => {
    const request = buildOutgoingRequest({ ...target, customHeaders: { 'X-Tenant': 'acme' } }, options, T);

    expect(Object.keys(request.headers)).toEqual([
      'x-tenant',
      'content-type',
      'x-event-id',
      'x-event-type',
      'x-hook0-signature',
      'webhook-id',
      'webhook-timestamp',
      'webhook-signature',
      'user-agent',
    ]);
    expect(request.headers['x-hook0-signature']).toMatch(/,h=content-type x-event-id x-event-type x-tenant,v1=/);
    expect(request).toMatchObject({ poolKey: target.applicationId, method: 'POST', url: target.url, body: target.payload });
  });

  it('lets the contract headers overwrite custom ones of the same name, whatever their case', () => {
    const request = buildOutgoingRequest({ ...target, customHeaders: { 'Content-Type': 'text/html', 'X-EVENT-ID': 'forged' } }, options, T);

    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-event-id']).toBe(target.eventId);
    expect(request.headers['x-hook0-signature']).toContain(',h=content-type x-event-id x-event-type,');
  });

  it('drops the framing, routing, hop-by-hop and server-set headers a row stored before the rule may carry, unsigned', () => {
    const customHeaders = {
      Host: 'other-tenant.test',
      'Content-Length': '0',
      'Transfer-Encoding': 'chunked',
      TE: 'trailers',
      Trailer: 'x-a',
      Connection: 'close',
      'Keep-Alive': 'timeout=5',
      Upgrade: 'websocket',
      Expect: '100-continue',
      'Proxy-Authorization': 'Basic eA==',
      'Content-Encoding': 'gzip',
      'Webhook-Custom': 'x',
      'X-Tenant': 'acme',
    };
    const request = buildOutgoingRequest({ ...target, customHeaders }, options, T);

    expect(Object.keys(request.headers)).toEqual([
      'x-tenant',
      'content-type',
      'x-event-id',
      'x-event-type',
      'x-hook0-signature',
      'webhook-id',
      'webhook-timestamp',
      'webhook-signature',
      'user-agent',
    ]);
    expect(request.headers['x-hook0-signature']).toContain(',h=content-type x-event-id x-event-type x-tenant,');
  });

  it('drops a stored header named like the configured signature header', () => {
    const request = buildOutgoingRequest(
      { ...target, customHeaders: { 'x-sig': 'forged', 'X-Hook0-Signature': 'forged' } },
      { ...options, signatureHeaderName: 'X-Sig' },
      T,
    );

    expect(request.headers['x-sig']).toMatch(/^t=1700000000,h=content-type x-event-id x-event-type,v1=/);
    expect(request.headers['x-hook0-signature']).toBeUndefined();
  });

  it('keeps the signature, the webhook-* headers and the default user agent out of the signed list', () => {
    const customHeaders = { 'X-Hook0-Signature': 'forged', 'webhook-id': 'forged', 'Webhook-Signature': 'forged' };
    const request = buildOutgoingRequest({ ...target, customHeaders }, options, T);

    expect(request.headers['x-hook0-signature']).toContain(',h=content-type x-event-id x-event-type,');
    expect(request.headers['webhook-id']).toBe(target.eventId);
    expect(request.headers['user-agent']).toBe('hook0-ts-dispatcher/test');
  });

  it('signs a custom user agent, which replaces the default one', () => {
    const request = buildOutgoingRequest({ ...target, customHeaders: { 'User-Agent': 'acme-relay' } }, options, T);

    expect(request.headers['user-agent']).toBe('acme-relay');
    expect(request.headers['x-hook0-signature']).toContain(',h=content-type user-agent x-event-id x-event-type,');
  });

  it('uses the configured signature header name and versions', () => {
    const request = buildOutgoingRequest(target, { ...options, signatureHeaderName: 'X-Sig', signatureVersions: ['v0', 'v1'] }, T);

    expect(request.headers['x-sig']).toMatch(
      /^t=1700000000,v0=aacdb5cb6c6fcb668497b68d66bed8091f47b98f1b4e439c967761c2fe80e480,h=content-type x-event-id x-event-type,v1=4f369af5/,
    );
    expect(request.headers['x-hook0-signature']).toBeUndefined();
  });

  it('adds Standard Webhooks headers that the standardwebhooks library verifies', () => {
    const request = buildOutgoingRequest(target, options, Math.floor(Date.now() / 1000));

    expect(request.headers['webhook-id']).toBe(target.eventId);
    expect(new Webhook(standardWebhooksSecret(target.secret)).verify(request.body, { ...request.headers })).toEqual({ order_id: 42 });
  });

  it('throws UnsignableHeaderError when a signed value is not visible ASCII', () => {
    expect(() => buildOutgoingRequest({ ...target, eventTypeName: 'pj.cart\u00e3o.autoriza\u00e7\u00e3o' }, options, T)).toThrow(
      UnsignableHeaderError,
    );
    expect(() => buildOutgoingRequest({ ...target, customHeaders: { 'X-Name': 'caf\u00e9' } }, options, T)).toThrow(UnsignableHeaderError);
  });
});
