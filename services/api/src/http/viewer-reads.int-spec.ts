import type { Response } from 'supertest';
import { startApiHarness, type ApiHarness } from '../../test/api-harness';
import { DatabaseProbe } from '../../test/database-probe';
import { fullFingerprint } from '../../test/identity-fingerprint';
import { requestFor, send } from '../../test/isolation-requests';
import { buildWorld, type World } from '../../test/isolation-world';
import { isTenantRoute, label, routeTable, viewerMay } from '../../test/route-table';
import { bearer, registerUser, signedInUser } from '../../test/user-fixtures';
import { withTarget } from '../../test/subscription.fixtures';
import type { RouteRow } from './route';

const ROUTES = routeTable();
const READS = ROUTES.filter((route) => route.method === 'get');
/** What a stolen credential would be used for: ingest, a subscription that sends the data out, a new credential, deletion. */
const WRITES = ['POST /event', 'POST /subscriptions', 'POST /application_secrets', 'DELETE /applications/:application_id'].map((name) =>
  ROUTES.find((route) => label(route) === name)!,
);
/** UUIDs (master key, application secrets), our opaque tokens and their hints, and any long token-like run; each found on its own. */
const TOKEN_SHAPES = [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, /hk0_[A-Za-z0-9_-]+/g, /[A-Za-z0-9+/_=.-]{20,}/g];

interface Walk {
  readonly statuses: Record<string, number>;
  /** Every token-shaped string found in the bodies and headers of the answers. */
  readonly strings: string[];
}

/**
 * No string a viewer can read may grant a write: application secrets are not listed to it, and subscription views
 * hide their secrets and the target's credentials from it. A viewer walks every GET route of the table over an organization with one of everything, credentials placed in a
 * subscription's target too, then tries each string it read as a bearer token for the writes above.
 */
describe('what a viewer reads grants no write', () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  let world: World;
  let editor: Record<string, string>;
  let viewer: Record<string, string>;
  let fingerprint: string;

  beforeAll(async () => {
    // GET /health is public here too, so that the walk covers every GET of the table.
    harness = await startApiHarness({ HEALTH_CHECK_KEY: '' });
    probe = await DatabaseProbe.open(harness);
    const owner = await signedInUser(harness);
    const reader = await signedInUser(harness);
    const invitee = await registerUser(harness);
    const options = { members: [[reader.email, 'viewer']] as const, memberUserId: reader.userId, inviteeEmail: invitee.email };
    world = await buildWorld(harness, probe, owner.auth.Authorization.slice(7), options);
    [editor, viewer] = [owner.auth, reader.auth];
    // Receivers' credentials are often this kind of string: here, credentials of this very server.
    const target = {
      url: `https://hook:${world.otherSecret}@hooks.acme.test/in`,
      headers: { Authorization: `Bearer ${world.secret}`, 'X-Token': world.serviceToken },
    };
    await harness.http().post('/subscriptions').set(editor).send(withTarget(world.applicationId, target)).expect(201);
    fingerprint = await fullFingerprint(probe);
  }, 60_000);
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  async function walk(headers: Record<string, string>): Promise<Walk> {
    const statuses: Record<string, number> = {};
    const strings = new Set<string>();
    for (const route of READS) {
      const response: Response = await send(harness, requestFor(route, world.known), headers);
      statuses[label(route)] = response.status;
      const text = `${JSON.stringify(response.body)} ${Object.values(response.headers).join(' ')}`;
      for (const shape of TOKEN_SHAPES) for (const [found] of text.matchAll(shape)) strings.add(found);
    }
    return { statuses, strings: [...strings] };
  }

  /** Each write that `token` is accepted for (anything but a refusal), as `status route`. */
  async function writesGranted(token: string): Promise<string[]> {
    const granted: string[] = [];
    for (const route of WRITES) {
      const response = await send(harness, requestFor(route, world.known), bearer(token));
      if (response.status !== 403) granted.push(`${response.status} ${label(route)}`);
    }
    return granted;
  }

  /** The credential reads (GET routes whose rule takes the write right) refuse a viewer; every other GET serves it. */
  const expected = (route: RouteRow) => (isTenantRoute(route) && !viewerMay(route) ? 403 : 200);

  it('reads every GET route a viewer may call, and is refused the credential reads', async () => {
    const { statuses, strings } = await walk(viewer);
    expect(statuses).toEqual(Object.fromEntries(READS.map((route) => [label(route), expected(route)])));
    const ids = ['subscription_id', 'event_id', 'request_attempt_id', 'response_id', 'token_id', 'organization_id'].map(
      (name) => world.known[name],
    );
    expect(strings).toEqual(expect.arrayContaining(ids));
    expect(strings.some((found) => found.startsWith('hk0_st_'))).toBe(true);
  });

  it('finds no string that works as a bearer token for ingest, subscriptions, secrets or deletion; nothing is written', async () => {
    const { strings } = await walk(viewer);
    const granted: string[] = [];
    for (const candidate of strings) for (const write of await writesGranted(candidate)) granted.push(`${candidate}: ${write}`);
    expect(granted).toEqual([]);
    for (const credential of [world.secret, world.otherSecret, world.serviceToken]) expect(strings).not.toContain(credential);
    expect(await fullFingerprint(probe)).toBe(fingerprint);
  }, 120_000);

  it('would have caught a readable credential: the same walk as the editor finds working ones', async () => {
    const { strings } = await walk(editor);
    expect(strings).toEqual(expect.arrayContaining([world.secret, world.otherSecret, world.serviceToken]));
    expect(await writesGranted(world.serviceToken)).toEqual(WRITES.map((route) => `${route.status} ${label(route)}`));
  });
});
