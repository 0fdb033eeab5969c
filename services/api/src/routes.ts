import type { RouteDefinition } from './http/route';
import type { Services } from './services';
import { applicationRoutes } from './modules/applications/application.routes';
import { eventRoutes } from './modules/events/event.routes';
import { organizationRoutes } from './modules/organizations/organization.routes';

/** The whole route table: Express and the OpenAPI document are both built from it. */
export function allRoutes(services: Services): RouteDefinition[] {
  return [
    ...organizationRoutes(services.organizations),
    ...applicationRoutes(services.applications),
    ...eventRoutes(services.events),
  ];
}
