import { bindRoutes, type BoundRoute, type HandlersOf, type RouteRow, type RouteRows } from './http/route';
import type { Services } from './services';
import { openApiHandlers, openApiRoutes } from './http/openapi/openapi.routes';
import { applicationRoutes } from './modules/applications/application.routes';
import { applicationHandlers } from './modules/applications/application.handlers';
import { applicationSecretRoutes } from './modules/application-secrets/application-secret.routes';
import { applicationSecretHandlers } from './modules/application-secrets/application-secret.handlers';
import { eventRoutes } from './modules/events/event.routes';
import { eventHandlers } from './modules/events/event.handlers';
import { eventReplayRoutes } from './modules/events/event-replay.routes';
import { eventReplayHandlers } from './modules/events/event-replay.handlers';
import { eventTypeRoutes } from './modules/event-types/event-type.routes';
import { eventTypeHandlers } from './modules/event-types/event-type.handlers';
import { eventsPerDayRoutes } from './modules/events-per-day/events-per-day.routes';
import { eventsPerDayHandlers } from './modules/events-per-day/events-per-day.handlers';
import { healthRoutes } from './modules/health/health.routes';
import { healthHandlers } from './modules/health/health.handlers';
import { instanceRoutes } from './modules/instance/instance.routes';
import { instanceHandlers } from './modules/instance/instance.handlers';
import { organizationRoutes } from './modules/organizations/organization.routes';
import { organizationHandlers } from './modules/organizations/organization.handlers';
import { requestAttemptRoutes } from './modules/request-attempts/request-attempt.routes';
import { requestAttemptHandlers } from './modules/request-attempts/request-attempt.handlers';
import { responseRoutes } from './modules/responses/response.routes';
import { responseHandlers } from './modules/responses/response.handlers';
import { serviceTokenRoutes } from './modules/service-tokens/service-token.routes';
import { serviceTokenHandlers } from './modules/service-tokens/service-token.handlers';
import { subscriptionRoutes } from './modules/subscriptions/subscription.routes';
import { subscriptionHandlers } from './modules/subscriptions/subscription.handlers';
import { subscriptionActionRoutes } from './modules/subscription-actions/subscription-actions.routes';
import { subscriptionActionHandlers } from './modules/subscription-actions/subscription-actions.handlers';
import { replayRoutes } from './modules/replays/replay.routes';
import { replayHandlers } from './modules/replays/replay.handlers';
import { subscriptionStatsRoutes } from './modules/subscription-stats/subscription-stats.routes';
import { subscriptionStatsHandlers } from './modules/subscription-stats/subscription-stats.handlers';
import { userRoutes } from './modules/users/user.routes';
import { userHandlers } from './modules/users/user.handlers';

export interface RouteOptions {
  /** Public base URL (APP_URL), for links the API hands out. */
  readonly appUrl: string;
}

/** A module's rows, and how the composition root binds their handlers to the services. */
interface RouteModule {
  readonly rows: readonly RouteRow[];
  bind(services: Services, options: RouteOptions): BoundRoute[];
}

function routeModule<T extends RouteRows>(rows: T, handlers: (services: Services, options: RouteOptions) => HandlersOf<T>): RouteModule {
  return { rows: Object.values(rows), bind: (services, options) => bindRoutes(rows, handlers(services, options)) };
}

const modules: readonly RouteModule[] = [
  routeModule(userRoutes, (s) => userHandlers(s.users, s.sessions)),
  routeModule(organizationRoutes, (s) => organizationHandlers(s.organizations, s.organizationMembers)),
  routeModule(serviceTokenRoutes, (s) => serviceTokenHandlers(s.serviceTokens)),
  routeModule(applicationRoutes, (s) => applicationHandlers(s.applications)),
  routeModule(applicationSecretRoutes, (s) => applicationSecretHandlers(s.applicationSecrets)),
  routeModule(eventTypeRoutes, (s) => eventTypeHandlers(s.eventTypes)),
  routeModule(eventRoutes, (s) => eventHandlers(s.events)),
  routeModule(subscriptionRoutes, (s) => subscriptionHandlers(s.subscriptions)),
  routeModule(requestAttemptRoutes, (s, options) => requestAttemptHandlers(s.requestAttempts, options)),
  routeModule(responseRoutes, (s) => responseHandlers(s.responses)),
  routeModule(instanceRoutes, (s) => instanceHandlers(s.instance, s.quotas)),
  routeModule(healthRoutes, (s) => healthHandlers(s.health)),
  routeModule(eventReplayRoutes, (s) => eventReplayHandlers(s.eventReplays)),
  routeModule(eventsPerDayRoutes, (s) => eventsPerDayHandlers(s.eventsPerDay)),
  routeModule(subscriptionActionRoutes, (s) => subscriptionActionHandlers(s.secretRotations, s.manualDeliveries)),
  routeModule(replayRoutes, (s) => replayHandlers(s.replays)),
  routeModule(subscriptionStatsRoutes, (s) => subscriptionStatsHandlers(s.subscriptionStats)),
  routeModule(openApiRoutes, (_s, options) =>
    openApiHandlers(routeTable, { title: 'hook0-ts', version: 'v1', serverUrl: `${options.appUrl}/api/v1` }),
  ),
];

/** The whole route table, static data: Express, the OpenAPI document and the authorization tests all read it. */
export const routeTable: readonly RouteRow[] = modules.flatMap((module) => module.rows);

/** The table with each row's handler bound to the services: what the composition root mounts. */
export function boundRoutes(services: Services, options: RouteOptions): BoundRoute[] {
  return modules.flatMap((module) => module.bind(services, options));
}
