import { randomUUID } from 'node:crypto';
import { scrapeMetric, waitFor } from '@hook0/testing';
import { createTenant } from '../../../test/api-harness';
import { useApiWorld } from '../../../test/api-world';
import { eventBody } from '../../../test/event-requests';
import { expectProblem } from '../../../test/problem-assertions';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const BYTES_51 = `${'é'.repeat(25)}a`; // 26 characters, 51 UTF-8 bytes
const entries = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 'v']));

/** [case, overrides, status, problem id] — each must leave the database as it was. */
const REJECTED: [string, Record<string, unknown>, number, string][] = [
  ['an unsupported content type', { payload_content_type: 'application/xml' }, 400, 'EventInvalidPayloadContentType'],
  ['a content type with parameters', { payload_content_type: 'application/json; charset=utf-8' }, 400, 'EventInvalidPayloadContentType'],
  ['a content type in upper case', { payload_content_type: 'APPLICATION/JSON' }, 400, 'EventInvalidPayloadContentType'],
  [
    'plain base64 named octet-stream',
    { payload_content_type: 'application/octet-stream', payload: 'AAEC' },
    400,
    'EventInvalidPayloadContentType',
  ],
  ['an empty content type', { payload_content_type: '' }, 422, 'Validation'],
  ['a content type of 101 characters', { payload_content_type: 'x'.repeat(101) }, 422, 'Validation'],
  [
    'base64 of the wrong length',
    { payload_content_type: 'application/octet-stream+base64', payload: 'abc' },
    400,
    'EventInvalidBase64Payload',
  ],
  [
    'base64 with a foreign character',
    { payload_content_type: 'application/octet-stream+base64', payload: 'ab$=' },
    400,
    'EventInvalidBase64Payload',
  ],
  ['URL-safe base64', { payload_content_type: 'application/octet-stream+base64', payload: '-_-_' }, 400, 'EventInvalidBase64Payload'],
  ['unpadded base64', { payload_content_type: 'application/octet-stream+base64', payload: 'AP8' }, 400, 'EventInvalidBase64Payload'],
  ['truncated JSON', { payload: '{"a":' }, 400, 'EventInvalidJsonPayload'],
  ['an empty JSON payload', { payload: '' }, 400, 'EventInvalidJsonPayload'],
  ['JavaScript that is not JSON', { payload: "{a: 'b'}" }, 400, 'EventInvalidJsonPayload'],
  ['a payload that is an object', { payload: { a: 1 } }, 400, 'JsonPayload'],
  ['a payload over 699 050 characters', { payload_content_type: 'text/plain', payload: 'p'.repeat(699_051) }, 422, 'Validation'],
  ['labels missing', { labels: undefined }, 400, 'JsonPayload'],
  ['labels empty', { labels: {} }, 422, 'Validation'],
  ['labels with 11 entries', { labels: entries(11) }, 422, 'Validation'],
  ['a label value that is a number', { labels: { a: 1 } }, 400, 'JsonPayload'],
  ['a label value that is null', { labels: { a: null } }, 400, 'JsonPayload'],
  ['labels as a list', { labels: ['a'] }, 400, 'JsonPayload'],
  ['a label key of 51 bytes', { labels: { [BYTES_51]: 'v' } }, 422, 'Validation'],
  ['a label value of 51 bytes', { labels: { k: BYTES_51 } }, 422, 'Validation'],
  ['an empty label value', { labels: { k: '' } }, 422, 'Validation'],
  ['metadata with 51 entries', { metadata: entries(51) }, 422, 'Validation'],
  ['a metadata key of 51 bytes', { metadata: { [BYTES_51]: 'v' } }, 422, 'Validation'],
  ['an empty metadata key', { metadata: { '': 'v' } }, 422, 'Validation'],
  ['a metadata value that is an object', { metadata: { a: { b: 'c' } } }, 400, 'JsonPayload'],
  ['occurred_at without a timezone', { occurred_at: '2026-05-04T09:12:30' }, 400, 'JsonPayload'],
  ['occurred_at as a date only', { occurred_at: '2026-05-04' }, 400, 'JsonPayload'],
  ['occurred_at in prose', { occurred_at: 'yesterday' }, 400, 'JsonPayload'],
  ['occurred_at as epoch seconds', { occurred_at: 1_700_000_000 }, 400, 'JsonPayload'],
  ['occurred_at missing', { occurred_at: undefined }, 400, 'JsonPayload'],
  ['an unknown event type', { event_type: 'billing.invoice.lost' }, 400, 'EventTypeDoesNotExist'],
  ['a deactivated event type', { event_type: 'billing.invoice.voided' }, 400, 'EventTypeDoesNotExist'],
  ['an empty event type', { event_type: '' }, 422, 'Validation'],
  ['an event type of 201 characters', { event_type: 'e'.repeat(201) }, 422, 'Validation'],
  ['an event type with a line feed', { event_type: 'billing.invoice\n.paid' }, 422, 'Validation'],
  ['a non-UUID event_id', { event_id: 'evt_1' }, 400, 'JsonPayload'],
  ['a non-UUID application_id', { application_id: 'app' }, 400, 'JsonPayload'],
  ['field errors before a content-type error', { labels: {}, payload_content_type: 'application/xml' }, 422, 'Validation'],
  [
    'a content-type error before a payload error',
    { payload_content_type: 'image/png', payload: 'not base64 $$' },
    400,
    'EventInvalidPayloadContentType',
  ],
];

describe('POST /event (docs/hook0-compatibility.md "Events")', () => {
  const world = useApiWorld(['billing.invoice.paid', 'billing.invoice.voided']);

  beforeAll(async () => {
    await world.harness
      .http()
      .delete('/event_types/billing.invoice.voided')
      .query({ application_id: world.tenant.applicationId })
      .set(world.auth)
      .expect(204);
  });

  const ingest = (overrides: Record<string, unknown> = {}, path = '/event') => {
    const body = eventBody(world.tenant, overrides);
    for (const [key, value] of Object.entries(body)) if (value === undefined) delete body[key];
    return world.harness.http().post(path).set(world.auth).send(body);
  };

  it('answers 201 with exactly {application_id, event_id, received_at}, the id a server-made UUIDv7', async () => {
    const response = await ingest().expect(201);
    expect(response.body).toEqual({
      application_id: world.tenant.applicationId,
      event_id: expect.stringMatching(UUID_V7),
      received_at: expect.stringMatching(RFC3339),
    });
    expect(Math.abs(Date.parse(response.body.received_at) - Date.now())).toBeLessThan(60_000);
  });

  it('makes time-ordered UUIDv7 ids', async () => {
    const first = (await ingest().expect(201)).body.event_id as string;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = (await ingest().expect(201)).body.event_id as string;
    expect(second > first).toBe(true);
  });

  it.each([
    ['text/plain', 'hello, world'],
    ['application/json', '[1,"two",{"three":3}]'],
    ['application/json', 'null'],
    ['application/octet-stream+base64', 'AP8BAg=='],
    ['application/octet-stream+base64', ''],
  ])('accepts the %s payload %j', async (contentType, payload) => {
    await ingest({ payload_content_type: contentType, payload }).expect(201);
  });

  it('accepts the limits: 10 labels and 50 metadata entries of 50-byte keys and values, a 699 050-character payload', async () => {
    await ingest({
      labels: { ...entries(9), ['k'.repeat(50)]: 'é'.repeat(25) },
      metadata: { ...entries(49), ['m'.repeat(50)]: 'v'.repeat(50) },
    }).expect(201);
    await ingest({ payload_content_type: 'text/plain', payload: 'p'.repeat(699_050) }).expect(201);
  });

  it('stores absent or null metadata as {}', async () => {
    const absent = (await ingest({ metadata: undefined }).expect(201)).body.event_id;
    const nulled = (await ingest({ metadata: null }).expect(201)).body.event_id;
    const rows = await world.probe.query<{ metadata: object }>('SELECT metadata FROM event WHERE event_id = ANY($1)', [[absent, nulled]]);
    expect(rows.map((row) => row.metadata)).toEqual([{}, {}]);
  });

  it('accepts occurred_at with an offset and stores the instant', async () => {
    const id = (await ingest({ occurred_at: '2026-05-04T11:12:30.5+02:00' }).expect(201)).body.event_id;
    const [row] = await world.probe.query<{ occurred_at: Date }>('SELECT occurred_at FROM event WHERE event_id = $1', [id]);
    expect(row.occurred_at.toISOString()).toBe('2026-05-04T09:12:30.500Z');
  });

  it('keeps a client event_id and answers 409 EventAlreadyIngested when its application reuses it', async () => {
    const eventId = '0190a8f2-1111-7000-8000-00000000abcd';
    expect((await ingest({ event_id: eventId.toUpperCase() }).expect(201)).body.event_id).toBe(eventId);
    const before = await world.probe.fingerprint();
    expectProblem(await ingest({ event_id: eventId, payload: '{"different":true}' }), 409, 'EventAlreadyIngested');
    expectProblem(await ingest({ event_id: eventId.toUpperCase(), labels: { other: 'labels' } }), 409, 'EventAlreadyIngested');
    expect(await world.probe.fingerprint()).toBe(before);
  });

  it("accepts another application's event_id: ids are unique per application, and neither event changes the other", async () => {
    const eventId = randomUUID();
    await ingest({ event_id: eventId }).expect(201);
    const other = await createTenant(world.harness);
    const foreign = world.harness
      .http()
      .post('/event')
      .set({ Authorization: `Bearer ${other.secret}` });
    const response = await foreign.send({ ...eventBody(other), event_id: eventId, payload: '{"other":true}' }).expect(201);
    expect(response.body).toMatchObject({ application_id: other.applicationId, event_id: eventId });
    const rows = await world.probe.query<{ application_id: string; payload: Buffer }>(
      'SELECT application_id, payload FROM event WHERE event_id = $1',
      [eventId],
    );
    expect(Object.fromEntries(rows.map((row) => [row.application_id, row.payload.toString('utf8')]))).toEqual({
      [world.tenant.applicationId]: '{"invoice_id":"in_42","amount":1200}',
      [other.applicationId]: '{"other":true}',
    });
  });

  it('works with a trailing slash, as Hook0 trims it', async () => {
    await ingest({}, '/event/').expect(201);
  });

  it.each(REJECTED)('refuses %s', async (_case, overrides, status, id) => {
    const before = await world.probe.fingerprint();
    expectProblem(await ingest(overrides), status, id);
    expect(await world.probe.fingerprint()).toBe(before);
  });

  it('counts every answer to POST /event by outcome and status class, those refused before reaching the route included', async () => {
    const expected = { accepted: 1, duplicate: 1, invalid: 2, unauthorized: 1, '4xx': 4 };
    const read = async () => {
      const counts: Record<string, number> = {};
      for (const outcome of ['accepted', 'duplicate', 'invalid', 'unauthorized']) {
        counts[outcome] = await scrapeMetric(world.harness.api.opsUrl, 'hook0_events_ingested_total', { outcome });
      }
      const route = { method: 'POST', route: '/api/v1/event', status_class: '4xx' };
      counts['4xx'] = await scrapeMetric(world.harness.api.opsUrl, 'hook0_http_request_duration_seconds_count', route);
      return counts;
    };
    const before = await read();
    const eventId = randomUUID();
    await ingest({ event_id: eventId }).expect(201);
    await ingest({ event_id: eventId }).expect(409);
    await ingest({ labels: {} }).expect(422);
    // Refused by the body parser, before the route handler runs.
    await world.harness
      .http()
      .post('/event/')
      .set(world.auth)
      .set('Content-Type', 'application/json')
      .send('{"application_id":')
      .expect(400);
    await world.harness.http().post('/event').send(eventBody(world.tenant)).expect(401);
    const wanted = Object.fromEntries(Object.entries(expected).map(([key, delta]) => [key, before[key] + delta]));
    await waitFor(
      async () => (JSON.stringify(await read()) === JSON.stringify(wanted) ? true : undefined),
      `ingest counts ${JSON.stringify(wanted)}`,
    );
  });

  it('refuses an application the secret does not belong to with 403 Forbidden, and unknown applications alike', async () => {
    const other = await createTenant(world.harness);
    const before = await world.probe.fingerprint();
    expectProblem(await ingest({ application_id: other.applicationId }), 403, 'Forbidden');
    expectProblem(await ingest({ application_id: '00000000-0000-4000-8000-000000000000' }), 403, 'Forbidden');
    expect(await world.probe.fingerprint()).toBe(before);
  });
});
