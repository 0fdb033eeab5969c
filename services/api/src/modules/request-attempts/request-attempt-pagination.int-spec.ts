import { decodeCursor } from '@hook0/core';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../../test/api-harness';
import { insertAttempt } from '../../../test/attempt-fixtures';
import { DatabaseProbe } from '../../../test/database-probe';
import { ingestEvent } from '../../../test/event-requests';
import { subscriptionBody } from '../../../test/subscription.fixtures';

interface Page {
  readonly ids: string[];
  readonly createdAt: string[];
  readonly next: string | null;
}

/** 120 attempts in the same millisecond: groups of 7 sharing one microsecond, so pages end inside a group. */
function microTimestamp(group: number): string {
  return `2026-03-01T12:00:00.000${String(group).padStart(3, '0')}Z`;
}

describe('request attempts pagination (docs/hook0-compatibility.md "Conventions")', () => {
  let harness: ApiHarness;
  let probe: DatabaseProbe;
  let tenant: Tenant;
  let auth: Record<string, string>;
  let subscriptionId: string;
  let eventId: string;
  const inserted: { id: string; createdAt: string }[] = [];

  beforeAll(async () => {
    harness = await startApiHarness({ APP_URL: 'https://hooks.example.test/' });
    probe = await DatabaseProbe.open(harness);
    tenant = await createTenant(harness);
    auth = { Authorization: `Bearer ${tenant.secret}` };
    const created = await harness.http().post('/subscriptions').set(auth).send(subscriptionBody(tenant.applicationId)).expect(201);
    subscriptionId = created.body.subscription_id;
    eventId = await ingestEvent(harness, tenant);
    for (let index = 0; index < 120; index += 1) {
      const createdAt = microTimestamp(Math.floor(index / 7));
      inserted.push({
        createdAt,
        id: await insertAttempt(probe, { applicationId: tenant.applicationId, eventId, subscriptionId, retryCount: index, createdAt }),
      });
    }
  }, 60_000);
  afterAll(async () => {
    await probe.close();
    await harness.close();
  });

  /** Follows a `Link` the way a client does: the absolute URL, made relative to the harness. */
  async function fetchPage(pathAndQuery: string): Promise<Page> {
    const response = await harness.http().get(pathAndQuery).set(auth).expect(200);
    const link = response.headers.link as string | undefined;
    let next: string | null = null;
    if (link) {
      const match = /^<([^>]+)>; rel="next"$/.exec(link);
      expect(match).not.toBeNull();
      expect(match![1].startsWith('https://hooks.example.test/api/v1/request_attempts?')).toBe(true);
      next = match![1].slice('https://hooks.example.test/api/v1'.length);
    }
    return {
      ids: response.body.map((a: { request_attempt_id: string }) => a.request_attempt_id),
      createdAt: response.body.map((a: { created_at: string }) => a.created_at),
      next,
    };
  }

  async function pageThrough(first: string): Promise<Page[]> {
    const pages: Page[] = [];
    let path: string | null = first;
    while (path !== null && pages.length < 10) {
      const page = await fetchPage(path);
      pages.push(page);
      path = page.next;
    }
    return pages;
  }

  it('returns every row exactly once, in created_at DESC then id ASC order, 50 per page, then an empty page without Link', async () => {
    const pages = await pageThrough(`/request_attempts?application_id=${tenant.applicationId}`);
    expect(pages.map((page) => page.ids.length)).toEqual([50, 50, 20, 0]);
    expect(pages.map((page) => page.next !== null)).toEqual([true, true, true, false]);
    const seen = pages.flatMap((page) => page.ids);
    expect(new Set(seen).size).toBe(120);
    const expected = [...inserted].sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? 1 : -1,
    );
    expect(seen).toEqual(expected.map((row) => row.id));
  });

  it('shows and encodes timestamps with their microseconds (a millisecond cursor would skip rows)', async () => {
    const [first] = await pageThrough(`/request_attempts?application_id=${tenant.applicationId}`);
    expect(first.createdAt[0]).toBe(microTimestamp(17));
    const cursorParam = new URL(`https://x${first.next}`).searchParams.get('pagination_cursor')!;
    expect(cursorParam).toMatch(/^[A-Za-z0-9_-]+={0,2}$/);
    expect(decodeCursor(cursorParam)).toEqual({ date: first.createdAt[49], id: first.ids[49] });
  });

  it('carries the filters over into the next link', async () => {
    const query = new URLSearchParams({
      application_id: tenant.applicationId,
      subscription_id: subscriptionId,
      event_id: eventId,
      min_created_at: '2026-03-01T12:00:00Z',
      max_created_at: microTimestamp(17),
      'event.event_type_names': 'billing.invoice.paid, ,other.type',
    });
    const pages = await pageThrough(`/request_attempts?${query.toString()}`);
    expect(pages.map((page) => page.ids.length)).toEqual([50, 50, 20, 0]);
    const carried = new URL(`https://x${pages[0].next}`).searchParams;
    for (const [name, value] of query) expect(carried.get(name)).toBe(value);
  });

  it('applies min/max_created_at inclusively, to the microsecond', async () => {
    const query = `application_id=${tenant.applicationId}&min_created_at=${encodeURIComponent(microTimestamp(3))}&max_created_at=${encodeURIComponent(microTimestamp(4))}`;
    const pages = await pageThrough(`/request_attempts?${query}`);
    expect(pages.map((page) => page.ids.length)).toEqual([14, 0]);
    expect(new Set(pages[0].createdAt)).toEqual(new Set([microTimestamp(3), microTimestamp(4)]));
  });
});
