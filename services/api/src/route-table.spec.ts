import type { AccessRule } from './http/access-rule';
import type { RouteRow } from './http/route';
import { PUBLIC_ROUTES } from '../test/isolation-requests';
import { dtoFieldIsOptional, dtoFields, label } from '../test/route-table';
import { routeTable } from './routes';

const rows = routeTable.map((route) => [label(route), route] as const);

/** The field a rule reads its scope from, and the DTO that must declare it. */
function scopeField(route: RouteRow): { dto: RouteRow['body']; field: string } | null {
  const { access } = route;
  if (access.scope === 'organization') return { dto: route[access.from], field: 'organization_id' };
  if (access.scope !== 'application') return null;
  if (access.from === 'subscription') return { dto: route.params, field: 'subscription_id' };
  return { dto: route[access.from], field: 'application_id' };
}

const isRead = (access: AccessRule) => 'action' in access && (access.action === 'read' || access.action === 'read-identities');

describe('the route table', () => {
  it('has one row per method and path, and one per operationId', () => {
    expect(new Set(routeTable.map(label)).size).toBe(routeTable.length);
    expect(new Set(routeTable.map((route) => route.operationId)).size).toBe(routeTable.length);
  });

  it('makes public exactly the routes listed as public, which read no token and spend only the shared buckets', () => {
    const publicRows = routeTable.filter((route) => route.access.scope === 'public');
    expect(publicRows.map(label).sort()).toEqual([...PUBLIC_ROUTES].sort());
    for (const route of routeTable) {
      const isPublic = route.access.scope === 'public';
      expect(`${label(route)} auth=${route.auth} rateLimit=${route.rateLimit}`).toBe(
        `${label(route)} auth=${isPublic ? 'none' : route.auth} rateLimit=${isPublic ? 'shared' : 'caller'}`,
      );
      if (!isPublic) expect(`${label(route)} auth=${route.auth}`).not.toBe(`${label(route)} auth=none`);
    }
  });

  it.each(rows)('%s takes its scope from a field its DTO requires', (_label, route) => {
    const scope = scopeField(route);
    if (scope === null) return;
    expect(scope.dto).toBeDefined();
    expect(dtoFields(scope.dto!)).toContain(scope.field);
    expect(dtoFieldIsOptional(scope.dto!, scope.field)).toBe(false);
  });

  it.each(rows.filter(([, route]) => route.method !== 'get'))(
    '%s changes something, so its rule takes more than a read',
    (_label, route) => {
      expect(isRead(route.access)).toBe(false);
    },
  );

  it('takes the write right for a read only where the answer is itself a credential', () => {
    const writeReads = routeTable.filter((route) => route.method === 'get' && 'action' in route.access && !isRead(route.access));
    expect(writeReads.map(label)).toEqual(['GET /application_secrets']);
  });
});
