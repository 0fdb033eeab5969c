import type { RouteDefinition } from './http/route';
import type { Services } from './services';
import { applicationRoutes } from './modules/applications/application.routes';
import { applicationSecretRoutes } from './modules/application-secrets/application-secret.routes';
import { eventRoutes } from './modules/events/event.routes';
import { eventTypeRoutes } from './modules/event-types/event-type.routes';
import { organizationRoutes } from './modules/organizations/organization.routes';
import { serviceTokenRoutes } from './modules/service-tokens/service-token.routes';
import { userRoutes } from './modules/users/user.routes';
import { requestAttemptRoutes } from './modules/request-attempts/request-attempt.routes';
import { responseRoutes } from './modules/responses/response.routes';
import { subscriptionRoutes } from './modules/subscriptions/subscription.routes';
import { eventReplayRoutes } from './modules/events/event-replay.routes';
import { eventsPerDayRoutes } from './modules/events-per-day/events-per-day.routes';
import { healthRoutes } from './modules/health/health.routes';
import { instanceRoutes } from './modules/instance/instance.routes';
import { openApiRoutes } from './http/openapi/openapi.routes';

export interface RouteOptions {
  /** Public base URL (APP_URL), for links the API hands out. */
  readonly appUrl: string;
}

/** The whole route table: Express and the OpenAPI document are both built from it. */
export function allRoutes(services: Services, options: RouteOptions): RouteDefinition[] {
  const table: RouteDefinition[] = [
    ...userRoutes(services.users, services.sessions),
    ...organizationRoutes(services.organizations, services.organizationMembers),
    ...serviceTokenRoutes(services.serviceTokens),
    ...applicationRoutes(services.applications),
    ...applicationSecretRoutes(services.applicationSecrets),
    ...eventTypeRoutes(services.eventTypes),
    ...eventRoutes(services.events),
    ...subscriptionRoutes(services.subscriptions),
    ...requestAttemptRoutes(services.requestAttempts, { appUrl: options.appUrl }),
    ...responseRoutes(services.responses),
    ...instanceRoutes(services.instance, services.quotas),
    ...healthRoutes(services.health),
    ...eventReplayRoutes(services.eventReplays),
    ...eventsPerDayRoutes(services.eventsPerDay),
  ];
  table.push(...openApiRoutes(() => table, { title: 'hook0-ts', version: 'v1', serverUrl: `${options.appUrl}/api/v1` }));
  return table;
}
