import { createTenant, startApiHarness, type ApiHarness, type Tenant } from './api-harness';
import { DatabaseProbe } from './database-probe';

export interface ApiWorld {
  readonly harness: ApiHarness;
  readonly probe: DatabaseProbe;
  readonly tenant: Tenant;
  /** The tenant's application secret as an Authorization header. */
  readonly auth: Record<string, string>;
}

/** The usual hooks of an API test file: one API over its own database, a tenant with `eventTypes`, a database probe. */
export function useApiWorld(eventTypes?: string[]): ApiWorld {
  const world = {} as { harness: ApiHarness; probe: DatabaseProbe; tenant: Tenant; auth: Record<string, string> };
  beforeAll(async () => {
    world.harness = await startApiHarness();
    world.probe = await DatabaseProbe.open(world.harness);
    world.tenant = await createTenant(world.harness, eventTypes);
    world.auth = { Authorization: `Bearer ${world.tenant.secret}` };
  });
  afterAll(async () => {
    await world.probe.close();
    await world.harness.close();
  });
  return world;
}
