import { gzipSync } from 'node:zlib';
import { useApiWorld } from '../../test/api-world';
import { eventBody } from '../../test/event-requests';
import { expectProblem } from '../../test/problem-assertions';

/** Inputs that used to end in a 500 (stack overflow, PostgreSQL refusals, Express decoding errors). */
describe('hostile input is a 4xx problem, never a 500', () => {
  const world = useApiWorld();

  const ingest = (body: unknown) =>
    world.harness
      .http()
      .post('/event')
      .set(world.auth)
      .send(body as object);

  it('refuses a body nested 100 000 levels deep with 400 JsonPayload (no stack overflow)', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const raw = `{"application_id":"${world.tenant.applicationId}","labels":${deep}}`;
    expectProblem(
      await world.harness.http().post('/event').set(world.auth).set('Content-Type', 'application/json').send(raw),
      400,
      'JsonPayload',
    );
  });

  it('still accepts ordinary nesting in ignored fields', async () => {
    await ingest(eventBody(world.tenant, { extra: [[[[{ a: [[1]] }]]]] })).expect(201);
  });

  it.each([
    ['a NUL in a label value', { labels: { a: 'x\u0000y' } }],
    ['a NUL in a label key', { labels: { 'a\u0000': 'x' } }],
    ['a lone surrogate in a label value', { labels: { a: '\ud800' } }],
    ['a NUL in metadata', { metadata: { a: '\u0000' } }],
  ])('refuses %s with 422 instead of a jsonb error', async (_case, overrides) => {
    const before = await world.probe.counts();
    expectProblem(await ingest(eventBody(world.tenant, overrides)), 422, 'Validation');
    expect(await world.probe.counts()).toEqual(before);
  });

  it('keeps label and metadata keys named constructor and __proto__ (once a 500, and silently dropped)', async () => {
    const maps = '{"constructor":"x","__proto__":"y","prototype":"z"}';
    const raw = JSON.stringify(eventBody(world.tenant)).replace('"labels":{"tenant_id":"acme"}', `"labels":${maps},"metadata":${maps}`);
    const created = await world.harness.http().post('/event').set(world.auth).set('Content-Type', 'application/json').send(raw).expect(201);
    const event = await world.harness
      .http()
      .get(`/events/${created.body.event_id}`)
      .query({ application_id: world.tenant.applicationId })
      .set(world.auth)
      .expect(200);
    const sorted = (map: object) => Object.entries(map).sort();
    expect(sorted(event.body.labels)).toEqual(sorted(JSON.parse(maps))); // jsonb orders keys its own way
    expect(sorted(event.body.metadata)).toEqual(sorted(JSON.parse(maps)));
    expect(sorted(event.body.labels)).toHaveLength(3);
  });

  it('keeps labels with paired surrogates (emoji)', async () => {
    await ingest(eventBody(world.tenant, { labels: { mood: '😀' } })).expect(201);
  });

  it.each(['2026-02-30T00:00:00Z', '2026-04-31T10:00:00Z', '2026-01-01T24:00:00Z', '0000-01-01T00:00:00Z'])(
    'refuses occurred_at %s, which Date.parse would roll over, with 400',
    async (occurredAt) => {
      expectProblem(await ingest(eventBody(world.tenant, { occurred_at: occurredAt })), 400, 'JsonPayload');
    },
  );

  it('answers 404 NotFound to a path segment that cannot be percent-decoded', async () => {
    expectProblem(
      await world.harness.http().get('/events/%ZZ').query({ application_id: world.tenant.applicationId }).set(world.auth),
      404,
      'NotFound',
    );
    expectProblem(
      await world.harness.http().get('/event_types/%E0%A4%A').query({ application_id: world.tenant.applicationId }).set(world.auth),
      404,
      'NotFound',
    );
  });

  it('answers 400 JsonPayload to a body that cannot be read (corrupt gzip, unknown encoding), and inflates a valid one', async () => {
    // fetch, not supertest: superagent mangles request bodies sent with a Content-Encoding.
    const post = async (encoding: string, body: Buffer) => {
      const response = await fetch(`${world.harness.api.url}/api/v1/event`, {
        method: 'POST',
        headers: { ...world.auth, 'Content-Type': 'application/json', 'Content-Encoding': encoding },
        body,
      });
      return { status: response.status, contentType: response.headers.get('content-type'), body: await response.json() };
    };
    for (const [encoding, body] of [
      ['gzip', Buffer.from('definitely not gzip')],
      ['compress', Buffer.from('{}')],
    ] as const) {
      const response = await post(encoding, body);
      expect(response).toMatchObject({
        status: 400,
        contentType: expect.stringMatching(/^application\/problem\+json/),
        body: { id: 'JsonPayload' },
      });
    }
    const accepted = await post('gzip', gzipSync(JSON.stringify(eventBody(world.tenant))));
    expect(accepted.status).toBe(201);
  });
});
