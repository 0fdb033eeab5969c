import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../../test/api-harness';
import { DatabaseProbe } from '../../../test/database-probe';
import { expectProblem } from '../../../test/problem-assertions';
import { subscriptionBody, withTarget } from '../../../test/subscription.fixtures';

/** The headers a subscription may not set (docs/security.md), in the case a client might send them. */
const FORBIDDEN_HEADERS: [string][] = [
  ['Host'],
  ['content-length'],
  ['Transfer-Encoding'],
  ['TE'],
  ['trailer'],
  ['Connection'],
  ['keep-alive'],
  ['Upgrade'],
  ['Expect'],
  ['Proxy-Authorization'],
  ['proxy-connection'],
  ['Content-Type'],
  ['content-encoding'],
  ['X-Event-Id'],
  ['x-event-type'],
  ['X-Hook0-Signature'],
  ['X-Hook0-Signature-Previous'],
  ['webhook-id'],
  ['Webhook-Signature'],
  ['webhook-timestamp'],
  ['webhook-custom'],
];
const BYTES_51 = `${'é'.repeat(25)}a`; // 26 characters, 51 UTF-8 bytes
const entries = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 'v']));
const url = (length: number) => `https://x.test/${'a'.repeat(length - 'https://x.test/'.length)}`;

type Body = (app: string) => Record<string, unknown>;
const body =
  (overrides: Record<string, unknown>): Body =>
  (app) =>
    subscriptionBody(app, overrides);
const target =
  (fields: Record<string, unknown>): Body =>
  (app) =>
    withTarget(app, fields);

/** [case, body, status, problem id, path into `validation` for 422s] */
const REJECTED: [string, Body, number, string, string[]?][] = [
  ['is_enabled missing', body({ is_enabled: undefined }), 400, 'JsonPayload'],
  ['is_enabled as a string', body({ is_enabled: 'true' }), 400, 'JsonPayload'],
  ['event_types missing', body({ event_types: undefined }), 400, 'JsonPayload'],
  ['event_types not a list', body({ event_types: 'billing.invoice.paid' }), 400, 'JsonPayload'],
  ['event_types with a number', body({ event_types: [1] }), 400, 'JsonPayload'],
  ['event_types empty', body({ event_types: [] }), 422, 'Validation', ['event_types']],
  [
    'event_types with 101 items',
    body({ event_types: Array.from({ length: 101 }, () => 'billing.invoice.paid') }),
    422,
    'Validation',
    ['event_types'],
  ],
  ['an empty event type', body({ event_types: [''] }), 422, 'Validation', ['event_types']],
  ['an event type of 201 characters', body({ event_types: ['e'.repeat(201)] }), 422, 'Validation', ['event_types']],
  ['an event type with a NUL', body({ event_types: ['billing\u0000'] }), 422, 'Validation', ['event_types']],
  ['description empty', body({ description: '' }), 422, 'Validation', ['description']],
  ['description of 101 characters', body({ description: 'd'.repeat(101) }), 422, 'Validation', ['description']],
  ['description with a NUL', body({ description: 'a\u0000b' }), 422, 'Validation', ['description']],
  ['description as a number', body({ description: 5 }), 400, 'JsonPayload'],
  ['metadata with 51 entries', body({ metadata: entries(51) }), 422, 'Validation', ['metadata']],
  ['metadata key of 51 bytes', body({ metadata: { [BYTES_51]: 'v' } }), 422, 'Validation', ['metadata']],
  ['metadata with a number value', body({ metadata: { a: 1 } }), 400, 'JsonPayload'],
  ['metadata as a list', body({ metadata: ['a'] }), 400, 'JsonPayload'],
  ['labels empty', body({ labels: {} }), 422, 'Validation', ['labels']],
  ['labels with 11 entries', body({ labels: entries(11) }), 422, 'Validation', ['labels']],
  ['label value of 51 bytes', body({ labels: { a: BYTES_51 } }), 422, 'Validation', ['labels']],
  ['label value empty', body({ labels: { a: '' } }), 422, 'Validation', ['labels']],
  ['label value not a string', body({ labels: { a: true } }), 400, 'JsonPayload'],
  ['label value with a NUL', body({ labels: { a: '\u0000' } }), 422, 'Validation', ['labels']],
  ['label key with a lone surrogate', body({ labels: { '\ud800': 'v' } }), 422, 'Validation', ['labels']],
  ['no labels and no legacy pair', body({ labels: undefined }), 400, 'LabelsAmbiguity'],
  ['labels null and only label_key', body({ labels: null, label_key: 'env' }), 400, 'LabelsAmbiguity'],
  ['label_key empty', body({ labels: undefined, label_key: '', label_value: 'v' }), 422, 'Validation', ['label_key']],
  [
    'label_value of 101 characters',
    body({ labels: undefined, label_key: 'k', label_value: 'v'.repeat(101) }),
    422,
    'Validation',
    ['label_value'],
  ],
  [
    'label_key with a control character',
    body({ labels: undefined, label_key: 'a\tb', label_value: 'v' }),
    422,
    'Validation',
    ['label_key'],
  ],
  ['target missing', body({ target: undefined }), 400, 'JsonPayload'],
  ['target as a list', body({ target: [] }), 400, 'JsonPayload'],
  ['target as a string', body({ target: 'https://x.test' }), 400, 'JsonPayload'],
  ['target.type missing', target({ type: undefined }), 400, 'JsonPayload'],
  ['target.type not http', target({ type: 'https' }), 400, 'JsonPayload'],
  ['target.method missing', target({ method: undefined }), 400, 'JsonPayload'],
  ['target.method lower case', target({ method: 'post' }), 422, 'Validation', ['target', 'method']],
  ['target.method TRACE', target({ method: 'TRACE' }), 422, 'Validation', ['target', 'method']],
  ['target.url missing', target({ url: undefined }), 400, 'JsonPayload'],
  ['target.url not a URL', target({ url: 'not a url' }), 400, 'JsonPayload'],
  ['target.url with ftp', target({ url: 'ftp://x.test/' }), 400, 'JsonPayload'],
  ['target.url without host', target({ url: 'http://' }), 400, 'JsonPayload'],
  ['target.url of 1001 characters', target({ url: url(1001) }), 422, 'Validation', ['target', 'url']],
  ['target.headers missing', target({ headers: undefined }), 400, 'JsonPayload'],
  ['target.headers as a list', target({ headers: ['a'] }), 400, 'JsonPayload'],
  ['11 headers', target({ headers: entries(11) }), 422, 'Validation', ['target', 'headers']],
  ['a header value of 501 characters', target({ headers: { 'x-a': 'v'.repeat(501) } }), 422, 'Validation', ['target', 'headers']],
  ['a header name with a space', target({ headers: { 'x a': 'v' } }), 400, 'JsonPayload'],
  ['an empty header name', target({ headers: { '': 'v' } }), 400, 'JsonPayload'],
  ['a header value with a line feed', target({ headers: { 'x-a': 'v\r\nx-injected: 1' } }), 400, 'JsonPayload'],
  ['a non-ASCII header value', target({ headers: { 'x-a': 'café' } }), 400, 'JsonPayload'],
  ['a header value not a string', target({ headers: { 'x-a': 1 } }), 400, 'JsonPayload'],
  ['two header names equal but for case', target({ headers: { 'X-A': '1', 'x-a': '2' } }), 400, 'JsonPayload'],
  ...FORBIDDEN_HEADERS.map(([name]): [string, Body, number, string, string[]] => [
    `a "${name}" header`,
    target({ headers: { [name]: 'v' } }),
    422,
    'Validation',
    ['target', 'headers'],
  ]),
  ['retry_schedule empty', body({ retry_schedule: [] }), 422, 'Validation', ['retry_schedule']],
  [
    'retry_schedule with 21 delays',
    body({ retry_schedule: Array.from({ length: 21 }, () => '1s') }),
    422,
    'Validation',
    ['retry_schedule'],
  ],
  ['a retry delay of 0ms', body({ retry_schedule: ['0ms'] }), 422, 'Validation', ['retry_schedule']],
  ['a retry delay of 999ms', body({ retry_schedule: ['5s', '999ms'] }), 422, 'Validation', ['retry_schedule']],
  ['a retry delay over 10d', body({ retry_schedule: ['11d'] }), 422, 'Validation', ['retry_schedule']],
  ['a retry delay that is not a duration', body({ retry_schedule: ['soon'] }), 422, 'Validation', ['retry_schedule']],
  ['a retry delay as a number', body({ retry_schedule: [5] }), 400, 'JsonPayload'],
  ['retry_schedule as a string', body({ retry_schedule: '5s' }), 400, 'JsonPayload'],
  ['max_retries negative', body({ max_retries: -1 }), 422, 'Validation', ['max_retries']],
  ['max_retries over 30', body({ max_retries: 31 }), 422, 'Validation', ['max_retries']],
  ['max_retries fractional', body({ max_retries: 1.5 }), 400, 'JsonPayload'],
  ['max_in_flight 0', body({ max_in_flight: 0 }), 422, 'Validation', ['max_in_flight']],
  ['max_in_flight over 1000', body({ max_in_flight: 1001 }), 422, 'Validation', ['max_in_flight']],
  ['max_in_flight fractional', body({ max_in_flight: 2.5 }), 400, 'JsonPayload'],
  ['max_in_flight as a string', body({ max_in_flight: '10' }), 400, 'JsonPayload'],
  ['max_deliveries_per_second 0', body({ max_deliveries_per_second: 0 }), 422, 'Validation', ['max_deliveries_per_second']],
  ['max_deliveries_per_second negative', body({ max_deliveries_per_second: -1 }), 422, 'Validation', ['max_deliveries_per_second']],
  ['max_deliveries_per_second over 10000', body({ max_deliveries_per_second: 10_001 }), 422, 'Validation', ['max_deliveries_per_second']],
  ['max_deliveries_per_second as a string', body({ max_deliveries_per_second: 'fast' }), 400, 'JsonPayload'],
  ['max_retries as a string', body({ max_retries: '3' }), 400, 'JsonPayload'],
  ['dedicated_workers as a string', body({ dedicated_workers: 'w' }), 400, 'JsonPayload'],
  ['dedicated_workers with a number', body({ dedicated_workers: [1] }), 400, 'JsonPayload'],
  [
    'dedicated_workers with 21 names',
    body({ dedicated_workers: Array.from({ length: 21 }, (_, i) => `w${i}`) }),
    422,
    'Validation',
    ['dedicated_workers'],
  ],
  ['application_id not a UUID', body({ application_id: 'nope' }), 400, 'JsonPayload'],
];

const ACCEPTED: [string, Body][] = [
  ['description of 100 characters', body({ description: 'd'.repeat(100) })],
  ['description null', body({ description: null })],
  ['100 event types', body({ event_types: Array.from({ length: 100 }, () => 'billing.invoice.paid') })],
  ['labels of 10 entries with 50-byte keys and values', body({ labels: { ...entries(9), ['k'.repeat(50)]: 'é'.repeat(25) } })],
  ['metadata of 50 entries', body({ metadata: entries(50) })],
  ['a 1000-character URL', target({ url: url(1000) })],
  ['10 headers with 500-character names and values', target({ headers: { ...entries(9), ['h'.repeat(500)]: 'v'.repeat(500) } })],
  ['every allowed method', target({ method: 'OPTIONS' })],
  ['max_retries 30 and retry delays of 1s and 10d, the bounds', body({ max_retries: 30, retry_schedule: ['1s', '1000ms', '10d'] })],
  ['max_retries 0', body({ max_retries: 0 })],
  [
    'headers a subscription may set: authorization, user-agent, accept, cookie',
    target({ headers: { Authorization: 'Bearer t', 'User-Agent': 'acme', Accept: '*/*', Cookie: 'a=b' } }),
  ],
  ['null extensions', body({ max_retries: null, retry_schedule: null, dedicated_workers: null })],
  ['unknown fields, which are ignored', body({ unknown_field: { nested: [1, 2] } })],
];

describe('subscription request rules (docs/hook0-compatibility.md "Subscriptions")', () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  let tenant: Tenant;
  let auth: Record<string, string>;
  let existingId: string;

  beforeAll(async () => {
    harness = await startApiHarness();
    probe = await DatabaseProbe.open(harness);
    tenant = await createTenant(harness);
    auth = { Authorization: `Bearer ${tenant.secret}` };
    existingId = (await harness.http().post('/subscriptions').set(auth).send(subscriptionBody(tenant.applicationId)).expect(201)).body
      .subscription_id;
  });
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  describe.each([
    ['POST', () => harness.http().post('/subscriptions')],
    ['PUT', () => harness.http().put(`/subscriptions/${existingId}`)],
  ])('%s', (_method, send) => {
    // Fixed arity: jest would take a missing last column for a `done` callback.
    const rejected = REJECTED.map(([name, makeBody, status, id, path]) => [name, makeBody, status, id, path ?? null] as const);
    it.each(rejected)('refuses %s', async (_case, makeBody, status, id, path) => {
      const before = await probe.fingerprint();
      const response = await send().set(auth).send(makeBody(tenant.applicationId));
      expectProblem(response, status, id);
      if (path) {
        const entry = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], response.body.validation);
        expect(entry).toEqual(expect.arrayContaining([expect.objectContaining({ code: expect.any(String), message: expect.any(String) })]));
      }
      expect(await probe.fingerprint()).toBe(before);
    });

    it.each(ACCEPTED)('accepts %s', async (_case, makeBody) => {
      const response = await send().set(auth).send(makeBody(tenant.applicationId));
      expect([200, 201]).toContain(response.status);
    });
  });

  it('names each refused header and why in the validation tree, changing nothing', async () => {
    const before = await probe.fingerprint();
    const response = await harness
      .http()
      .post('/subscriptions')
      .set(auth)
      .send(withTarget(tenant.applicationId, { headers: { 'X-Api-Key': 'k', 'Content-Length': '0', 'Transfer-Encoding': 'chunked' } }));

    expectProblem(response, 422, 'Validation');
    expect(response.body.validation).toEqual({
      target: {
        headers: [
          {
            code: 'forbiddenHeader',
            message:
              'headers must not set "Content-Length" (the server frames the body itself), "Transfer-Encoding" (the server frames the body itself)',
            params: {},
          },
        ],
      },
    });
    expect(await probe.fingerprint()).toBe(before);
  });

  it('stores header names lower-cased and the URL normalized, ignoring unknown target fields', async () => {
    const response = await harness
      .http()
      .post('/subscriptions')
      .set(auth)
      .send(
        withTarget(tenant.applicationId, {
          url: 'HTTPS://Example.TEST:443/a/../b?q=1#frag',
          headers: { 'X-Custom-Header': 'Value' },
          extra: 1,
        }),
      )
      .expect(201);
    expect(response.body.target).toEqual({
      type: 'http',
      method: 'POST',
      url: 'https://example.test/b?q=1#frag',
      headers: { 'x-custom-header': 'Value' },
    });
  });
});
