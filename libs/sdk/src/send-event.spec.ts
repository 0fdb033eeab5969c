import { ingested, problem, ScriptedApi } from '../test/scripted-api';
import { createHook0Client } from './client';
import { Hook0ApiError, Hook0RequestError, Hook0TransportError } from './errors';
import { MAX_PAYLOAD_BYTES } from './event-payload';

const APPLICATION_ID = '0190a8f2-2222-7000-8000-000000000002';
const EVENT = { applicationId: APPLICATION_ID, eventType: 'billing.invoice.paid', payload: { invoice: 42 }, labels: { tenant: 'acme' } };

describe('sendEvent', () => {
  const api = new ScriptedApi();
  const delays: number[] = [];
  beforeAll(() => api.start());
  afterAll(() => api.stop());
  beforeEach(() => (delays.length = 0));
  const client = (maxAttempts = 4) => createHook0Client({ baseUrl: api.url, token: 'secret', retry: { maxAttempts } });
  const deps = {
    sleep: async (ms: number) => void delays.push(ms),
    random: () => 0.5,
    newEventId: () => '0190a8f2-9999-7000-8000-000000000009',
  };
  const bodies = () => api.calls.map((call) => JSON.parse(call.body) as Record<string, unknown>);

  it('posts the event once and reports what the API took', async () => {
    api.answer(ingested('0190a8f2-9999-7000-8000-000000000009'));
    const sent = await client().sendEvent(EVENT, deps);
    expect(sent).toEqual({
      eventId: '0190a8f2-9999-7000-8000-000000000009',
      applicationId: APPLICATION_ID,
      receivedAt: '2026-12-06T10:00:00.000000Z',
      attempts: 1,
      alreadyIngested: false,
    });
    expect(api.calls[0]).toMatchObject({ method: 'POST', path: '/api/v1/event' });
    expect(bodies()[0]).toMatchObject({
      application_id: APPLICATION_ID,
      event_id: '0190a8f2-9999-7000-8000-000000000009',
      event_type: 'billing.invoice.paid',
      payload: '{"invoice":42}',
      payload_content_type: 'application/json',
      labels: { tenant: 'acme' },
    });
  });

  it('sends the same event id and body on every attempt, and takes a 409 EventAlreadyIngested on a retry as success', async () => {
    api.answer({ hangUp: true }, problem(503, 'ServiceUnavailable', { 'Retry-After': '1' }), problem(409, 'EventAlreadyIngested'));
    const sent = await client().sendEvent(EVENT, deps);
    expect(sent).toMatchObject({ eventId: '0190a8f2-9999-7000-8000-000000000009', attempts: 3, alreadyIngested: true, receivedAt: null });
    expect(new Set(api.calls.map((call) => call.body)).size).toBe(1);
    expect(delays).toEqual([75, 1000]);
  });

  it('draws a fresh event id per logical send, and keeps one given by the caller', async () => {
    api.answer(ingested());
    const first = await client().sendEvent(EVENT);
    const second = await client().sendEvent(EVENT);
    const mine = await client().sendEvent({ ...EVENT, eventId: '0190a8f2-0000-7000-8000-00000000000a' });
    expect(first.eventId).not.toBe(second.eventId);
    expect(mine.eventId).toBe('0190a8f2-0000-7000-8000-00000000000a');
  });

  it('refuses a 409 on the first attempt: the id was already used before this send', async () => {
    api.answer(problem(409, 'EventAlreadyIngested'));
    await expect(client().sendEvent(EVENT, deps)).rejects.toMatchObject({
      status: 409,
      problem: { id: 'EventAlreadyIngested' },
      attempts: 1,
    });
  });

  it('retries a RateLimited 429 but not a quota 429', async () => {
    api.answer(problem(429, 'RateLimited', { 'Retry-After': '2' }), ingested());
    await expect(client().sendEvent(EVENT, deps)).resolves.toMatchObject({ attempts: 2 });
    expect(delays).toEqual([2000]);
    api.answer(problem(429, 'TooManyEventsToday'), ingested());
    const quota = client().sendEvent(EVENT, deps);
    await expect(quota).rejects.toBeInstanceOf(Hook0ApiError);
    await expect(quota).rejects.toMatchObject({ retryable: false, attempts: 1 });
  });

  it('stops after the last attempt with the last failure, backing off exponentially', async () => {
    api.answer({ hangUp: true });
    const failed = client(4).sendEvent(EVENT, { ...deps, random: () => 0 });
    await expect(failed).rejects.toBeInstanceOf(Hook0TransportError);
    await expect(failed).rejects.toMatchObject({ failure: 'no_answer', attempts: 4 });
    expect(delays).toEqual([50, 100, 200]);
  });

  it('gives up on an attempt past the request timeout and sends it again', async () => {
    api.answer({ hold: true }, ingested());
    const patient = createHook0Client({ baseUrl: api.url, token: 'secret', bounds: { requestTimeoutMs: 50 } });
    await expect(patient.sendEvent(EVENT, deps)).resolves.toMatchObject({ attempts: 2 });
    expect(api.calls).toHaveLength(2);
  });

  it('stops when the delay budget is spent rather than wait', async () => {
    api.answer(problem(503, 'ServiceUnavailable', { 'Retry-After': '3' }));
    await expect(client(10).sendEvent(EVENT, deps)).rejects.toMatchObject({ status: 503, attempts: 3 });
    expect(delays).toEqual([3000, 2000]);
  });

  it('refuses a payload above the bound without sending anything', async () => {
    api.answer(ingested());
    await expect(client().sendEvent({ ...EVENT, payload: 'x'.repeat(MAX_PAYLOAD_BYTES + 1) })).rejects.toBeInstanceOf(Hook0RequestError);
    expect(api.calls).toHaveLength(0);
  });

  it('encodes bytes as base64 and a string as text unless told otherwise', async () => {
    api.answer(ingested());
    await client().sendEvent({ ...EVENT, payload: Buffer.from([0, 1, 2]) });
    await client().sendEvent({ ...EVENT, payload: 'hello' });
    await client().sendEvent({ ...EVENT, payload: '{"a":1}', payloadContentType: 'application/json' });
    expect(bodies().map(({ payload, payload_content_type }) => [payload, payload_content_type])).toEqual([
      ['AAEC', 'application/octet-stream+base64'],
      ['hello', 'text/plain'],
      ['{"a":1}', 'application/json'],
    ]);
  });
});
