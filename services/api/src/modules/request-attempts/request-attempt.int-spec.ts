import { encodeCursor } from '@hook0/core';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../../test/api-harness';
import { insertAttempt, insertResponse } from '../../../test/attempt-fixtures';
import { DatabaseProbe } from '../../../test/database-probe';
import { ingestEvent } from '../../../test/event-requests';
import { expectProblem } from '../../../test/problem-assertions';
import { subscriptionBody } from '../../../test/subscription.fixtures';

const T0 = '2026-05-04T09:12:33.418207Z';
const T1 = '2026-05-04T09:12:33.511000Z';
const T2 = '2026-05-04T09:12:48.530000Z';
const FUTURE = '2999-01-01T00:00:00.000000Z';

describe('request attempts (docs/hook0-compatibility.md "Request attempts")', () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  let tenant: Tenant;
  let auth: Record<string, string>;
  let subscriptionId: string;
  let eventId: string;
  let otherEventId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    harness = await startApiHarness();
    probe = await DatabaseProbe.open(harness);
    tenant = await createTenant(harness, ['billing.invoice.paid', 'billing.invoice.sent']);
    auth = { Authorization: `Bearer ${tenant.secret}` };
    const created = await harness
      .http()
      .post('/subscriptions')
      .set(auth)
      .send(subscriptionBody(tenant.applicationId, { event_types: ['billing.invoice.paid', 'billing.invoice.sent'] }))
      .expect(201);
    subscriptionId = created.body.subscription_id;
    eventId = await ingestEvent(harness, tenant);
    otherEventId = await ingestEvent(harness, tenant, { event_type: 'billing.invoice.sent' });
    const base = { applicationId: tenant.applicationId, eventId, subscriptionId, createdAt: T0 };
    const failedResponse = await insertResponse(probe, {
      applicationId: tenant.applicationId,
      errorName: 'E_HTTP',
      httpCode: 503,
      body: 'down',
      elapsedTimeMs: 84,
    });
    const okResponse = await insertResponse(probe, { applicationId: tenant.applicationId, httpCode: 200, elapsedTimeMs: 12 });
    ids.failed = await insertAttempt(probe, { ...base, retryCount: 0, pickedAt: T1, failedAt: T2, responseId: failedResponse });
    ids.successful = await insertAttempt(probe, { ...base, retryCount: 1, pickedAt: T1, succeededAt: T2, responseId: okResponse });
    ids.inprogress = await insertAttempt(probe, { ...base, retryCount: 2, pickedAt: T1 });
    ids.waiting = await insertAttempt(probe, { ...base, retryCount: 3, delayUntil: FUTURE });
    ids.pending = await insertAttempt(probe, { ...base, retryCount: 4, delayUntil: T1 });
    ids.other = await insertAttempt(probe, { ...base, eventId: otherEventId, createdAt: T1 });
  });
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  const list = (query: Record<string, string> = {}) =>
    harness
      .http()
      .get('/request_attempts')
      .query({ application_id: tenant.applicationId, ...query })
      .set(auth);
  const one = (id: string) => harness.http().get(`/request_attempts/${id}`).query({ application_id: tenant.applicationId }).set(auth);

  it('renders an attempt exactly in Hook0 shape, with the joined HTTP status', async () => {
    const response = await one(ids.failed).expect(200);
    expect(response.body).toEqual({
      request_attempt_id: ids.failed,
      event_id: eventId,
      event: { event_id: eventId, event_type_name: 'billing.invoice.paid' },
      subscription: { subscription_id: subscriptionId, description: 'Acme prod endpoint' },
      created_at: T0,
      picked_at: T1,
      failed_at: T2,
      succeeded_at: null,
      delay_until: null,
      response_id: expect.any(String),
      retry_count: 0,
      http_response_status: 503,
      status: { type: 'failed', at: T2, full_processing_ms: 15112 },
    });
  });

  it.each([
    ['successful', { type: 'successful', at: T2, full_processing_ms: 15112 }, 200],
    ['inprogress', { type: 'inprogress', since: T1 }, null],
    ['waiting', { type: 'waiting', since: T0, until: FUTURE }, null],
    ['pending', { type: 'pending', since: T0 }, null],
  ])('computes the %s status (Hook0 spells in-progress "inprogress")', async (kind, status, httpStatus) => {
    const response = await one(ids[kind]).expect(200);
    expect(response.body.status).toEqual(status);
    expect(response.body.http_response_status).toBe(httpStatus);
  });

  it('lists newest first and filters by event, subscription and event type names', async () => {
    const all = (await list().expect(200)).body.map((a: { request_attempt_id: string }) => a.request_attempt_id);
    expect(all[0]).toBe(ids.other);
    expect(all).toHaveLength(6);
    expect(
      (await list({ event_id: otherEventId }).expect(200)).body.map((a: { request_attempt_id: string }) => a.request_attempt_id),
    ).toEqual([ids.other]);
    expect((await list({ subscription_id: subscriptionId }).expect(200)).body).toHaveLength(6);
    expect((await list({ subscription_id: '00000000-0000-4000-8000-000000000000' }).expect(200)).body).toEqual([]);
    expect((await list({ 'event.event_type_names': ' billing.invoice.sent ,,' }).expect(200)).body).toHaveLength(1);
    expect((await list({ 'event.event_type_names': 'billing.invoice.sent,billing.invoice.paid' }).expect(200)).body).toHaveLength(6);
    expect((await list({ 'event.event_type_names': ' , ' }).expect(200)).body).toHaveLength(6);
  });

  it('sets Link on a non-empty page even under 50 rows, and not on an empty one', async () => {
    expect((await list().expect(200)).headers.link).toMatch(
      /^<http:\/\/127\.0\.0\.1:\d+\/api\/v1\/request_attempts\?application_id=[^>]+&pagination_cursor=[^>]+>; rel="next"$/,
    );
    expect((await list({ event_id: '00000000-0000-4000-8000-000000000000' }).expect(200)).headers.link).toBeUndefined();
  });

  it.each([
    ['a cursor that is not base64 JSON', { pagination_cursor: 'not a cursor' }],
    ['a cursor of JSON without id', { pagination_cursor: Buffer.from('{"date":"2026-01-01T00:00:00Z"}').toString('base64url') }],
    [
      'a cursor with a date that does not exist',
      { pagination_cursor: encodeCursor({ date: '2026-02-30T00:00:00Z', id: '00000000-0000-4000-8000-000000000000' }) },
    ],
    [
      'a cursor with prose for a date',
      { pagination_cursor: encodeCursor({ date: 'in 2030', id: '00000000-0000-4000-8000-000000000000' }) },
    ],
    ['a non-UUID event_id', { event_id: 'abc' }],
    ['an empty subscription_id', { subscription_id: '' }],
    ['a min_created_at that is not RFC 3339', { min_created_at: 'yesterday' }],
    ['a max_created_at of February 30', { max_created_at: '2026-02-30T00:00:00Z' }],
    ['a NUL in event.event_type_names', { 'event.event_type_names': 'a\u0000b' }],
  ])('answers 400 InvalidQueryString to %s', async (_case, query) => {
    expectProblem(await list(query), 400, 'InvalidQueryString');
  });

  it('answers 400 InvalidQueryString without application_id or with it repeated', async () => {
    expectProblem(await harness.http().get('/request_attempts').set(auth), 400, 'InvalidQueryString');
    expectProblem(
      await harness.http().get(`/request_attempts?application_id=${tenant.applicationId}&application_id=${tenant.applicationId}`).set(auth),
      400,
      'InvalidQueryString',
    );
    expectProblem(await harness.http().get(`/request_attempts/${ids.failed}`).set(auth), 400, 'InvalidQueryString');
  });

  it('keeps attempts to their application: a foreign secret gets 403; another application’s id gets 404', async () => {
    const other = await createTenant(harness, []);
    const foreign = { Authorization: `Bearer ${other.secret}` };
    expectProblem(
      await harness.http().get('/request_attempts').query({ application_id: tenant.applicationId }).set(foreign),
      403,
      'Forbidden',
    );
    expectProblem(
      await harness.http().get(`/request_attempts/${ids.failed}`).query({ application_id: other.applicationId }).set(foreign),
      404,
      'NotFound',
    );
    expect(
      (await harness.http().get('/request_attempts').query({ application_id: other.applicationId }).set(foreign).expect(200)).body,
    ).toEqual([]);
    expectProblem(await one('00000000-0000-4000-8000-000000000000'), 404, 'NotFound');
    expectProblem(await one('not-a-uuid'), 404, 'NotFound');
  });
});
