import { createTenant } from '../../../test/api-harness';
import { useApiWorld } from '../../../test/api-world';
import { eventBody, ingestEvent } from '../../../test/event-requests';
import { expectProblem } from '../../../test/problem-assertions';

const SUMMARY_FIELDS = ['event_id', 'event_type_name', 'ip', 'labels', 'metadata', 'occurred_at', 'payload_content_type', 'received_at'];

describe('GET /events and /events/{id} (docs/hook0-compatibility.md "Events")', () => {
  const world = useApiWorld();

  const getEvent = (id: string, applicationId = world.tenant.applicationId, headers = world.auth) =>
    world.harness.http().get(`/events/${id}`).query({ application_id: applicationId }).set(headers);

  async function storedBytes(id: string): Promise<Buffer> {
    const [row] = await world.probe.query<{ payload: Buffer }>('SELECT payload FROM event WHERE event_id = $1', [id]);
    return row.payload;
  }

  it('returns a JSON payload as base64 of the exact original string bytes (spacing, key order, escapes kept)', async () => {
    const original = '{ "b" : 1,\n  "a":"\\u00e9 é 😀", "n": 1.50 }';
    const id = await ingestEvent(world.harness, world.tenant, { payload: original });
    const response = await getEvent(id).expect(200);
    expect(response.body.payload).toBe(Buffer.from(original, 'utf8').toString('base64'));
    expect(Buffer.from(response.body.payload, 'base64').toString('utf8')).toBe(original);
    expect((await storedBytes(id)).equals(Buffer.from(original, 'utf8'))).toBe(true);
  });

  it('returns a text payload as base64 of its UTF-8 bytes', async () => {
    const original = 'héllo\r\n\ttab\u0000nul';
    const id = await ingestEvent(world.harness, world.tenant, { payload_content_type: 'text/plain', payload: original });
    expect((await getEvent(id).expect(200)).body.payload).toBe(Buffer.from(original, 'utf8').toString('base64'));
  });

  it('stores base64 payloads decoded, and returns the decoded bytes re-encoded', async () => {
    const bytes = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a, 0xc3, 0x28, 0x7f]);
    const id = await ingestEvent(world.harness, world.tenant, {
      payload_content_type: 'application/octet-stream+base64',
      payload: bytes.toString('base64'),
    });
    expect((await storedBytes(id)).equals(bytes)).toBe(true);
    expect((await getEvent(id).expect(200)).body.payload).toBe(bytes.toString('base64'));
  });

  it('returns the event fields beside the payload', async () => {
    const id = await ingestEvent(world.harness, world.tenant, {
      labels: { env: 'prod', tenant_id: 'acme' },
      metadata: { source: 'checkout' },
    });
    const body = (await getEvent(id).expect(200)).body;
    expect(Object.keys(body).sort()).toEqual([...SUMMARY_FIELDS, 'payload'].sort());
    expect(body).toMatchObject({
      event_id: id,
      event_type_name: 'billing.invoice.paid',
      payload_content_type: 'application/json',
      ip: expect.stringMatching(/127\.0\.0\.1$/),
      labels: { env: 'prod', tenant_id: 'acme' },
      metadata: { source: 'checkout' },
    });
    expect(Date.parse(body.occurred_at)).toBe(Date.parse('2026-05-04T09:12:30Z'));
  });

  it('lists the 100 most recent events, newest first, without payloads', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 101; i += 1) ids.push(await ingestEvent(world.harness, world.tenant, { labels: { i: String(i) } }));
    const response = await world.harness
      .http()
      .get('/events')
      .query({ application_id: world.tenant.applicationId })
      .set(world.auth)
      .expect(200);
    expect(response.body).toHaveLength(100);
    expect(Object.keys(response.body[0]).sort()).toEqual(SUMMARY_FIELDS);
    expect(response.body.slice(0, 3).map((event: { event_id: string }) => event.event_id)).toEqual([ids[100], ids[99], ids[98]]);
    expect(response.body.map((event: { event_id: string }) => event.event_id)).not.toContain(ids[0]);
  }, 60_000);

  it('answers 404 for unknown ids, ids of another application and malformed ids; 403 to a foreign secret', async () => {
    const id = await ingestEvent(world.harness, world.tenant);
    const other = await createTenant(world.harness);
    const foreign = { Authorization: `Bearer ${other.secret}` };
    expectProblem(await getEvent('00000000-0000-7000-8000-000000000000'), 404, 'NotFound');
    expectProblem(await getEvent('not-an-id'), 404, 'NotFound');
    expectProblem(await getEvent(id, other.applicationId, foreign), 404, 'NotFound');
    expectProblem(await getEvent(id, world.tenant.applicationId, foreign), 403, 'Forbidden');
    expectProblem(
      await world.harness.http().get('/events').query({ application_id: world.tenant.applicationId }).set(foreign),
      403,
      'Forbidden',
    );
    expect(
      (await world.harness.http().get('/events').query({ application_id: other.applicationId }).set(foreign).expect(200)).body,
    ).toEqual([]);
  });

  it('does not leak another application’s events into a list', async () => {
    const other = await createTenant(world.harness);
    await world.harness
      .http()
      .post('/event')
      .set({ Authorization: `Bearer ${other.secret}` })
      .send(eventBody(other))
      .expect(201);
    const mine = await world.harness
      .http()
      .get('/events')
      .query({ application_id: world.tenant.applicationId })
      .set(world.auth)
      .expect(200);
    const [row] = await world.probe.query<{ n: string }>('SELECT count(*) AS n FROM event WHERE application_id = $1', [
      other.applicationId,
    ]);
    expect(Number(row.n)).toBe(1);
    expect(mine.body.every((event: { event_type_name: string }) => event.event_type_name === 'billing.invoice.paid')).toBe(true);
  });
});
