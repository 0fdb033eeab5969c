import type { DataSource } from 'typeorm';
import {
  ApplicationRepository,
  ApplicationSecretRepository,
  EventRepository,
  EventTypeRepository,
  OrganizationRepository,
  RequestAttemptRepository,
  ResponseRepository,
  SubscriptionHealthRepository,
  SubscriptionRepository,
} from '@hook0/db';
import { DatabaseHealthRepository, EventReplayRepository, EventsPerDayRepository, QuotaUsageRepository } from '@hook0/db';
import { ManualDeliveryRepository, SubscriptionSecretRepository } from '@hook0/db';
import { ReplayRepository, SubscriptionStatsRepository } from '@hook0/db';
import { v7 as uuidv7 } from 'uuid';
import { OrganizationMemberRepository, ServiceTokenRepository, UserRepository, UserSessionRepository } from '@hook0/db';
import type { ApiConfig } from '@hook0/config';
import { AccessPolicy } from './auth/access-policy';
import { HashingLimiter } from './auth/hashing-limiter';
import { LoginThrottle } from './auth/login-throttle';
import { PasswordHasher } from './auth/password-hasher';
import { OrganizationMemberService } from './modules/organizations/organization-member.service';
import { ServiceTokenService } from './modules/service-tokens/service-token.service';
import { SessionService } from './modules/users/session.service';
import { UserService } from './modules/users/user.service';
import { EventReplayService } from './modules/events/event-replay.service';
import { EventsPerDayService } from './modules/events-per-day/events-per-day.service';
import { ReplayService } from './modules/replays/replay.service';
import { SubscriptionStatsService } from './modules/subscription-stats/subscription-stats.service';
import { HealthService } from './modules/health/health.service';
import { instanceInfo, InstanceService } from './modules/instance/instance.service';
import { QuotaService } from './modules/quotas/quota.service';
import { ApplicationSecretService } from './modules/application-secrets/application-secret.service';
import { ApplicationService } from './modules/applications/application.service';
import { EventTypeService } from './modules/event-types/event-type.service';
import { EventService, type IngestHooks } from './modules/events/event.service';
import { OrganizationService } from './modules/organizations/organization.service';
import { RequestAttemptService } from './modules/request-attempts/request-attempt.service';
import { ResponseService } from './modules/responses/response.service';
import { SubscriptionService } from './modules/subscriptions/subscription.service';
import { ManualDeliveryService } from './modules/subscription-actions/manual-delivery.service';
import { SecretRotationService } from './modules/subscription-actions/secret-rotation.service';

export interface Services {
  readonly access: AccessPolicy;
  readonly organizations: OrganizationService;
  readonly organizationMembers: OrganizationMemberService;
  readonly serviceTokens: ServiceTokenService;
  readonly users: UserService;
  readonly sessions: SessionService;
  readonly applications: ApplicationService;
  readonly applicationSecrets: ApplicationSecretService;
  readonly eventTypes: EventTypeService;
  readonly events: EventService;
  readonly subscriptions: SubscriptionService;
  readonly requestAttempts: RequestAttemptService;
  readonly responses: ResponseService;
  readonly quotas: QuotaService;
  readonly instance: InstanceService;
  readonly health: HealthService;
  readonly eventReplays: EventReplayService;
  readonly eventsPerDay: EventsPerDayService;
  readonly secretRotations: SecretRotationService;
  readonly manualDeliveries: ManualDeliveryService;
  readonly replays: ReplayService;
  readonly subscriptionStats: SubscriptionStatsService;
}

export interface Repositories {
  readonly applications: ApplicationRepository;
  readonly applicationSecrets: ApplicationSecretRepository;
  readonly organizations: OrganizationRepository;
  readonly organizationMembers: OrganizationMemberRepository;
  readonly serviceTokens: ServiceTokenRepository;
  readonly users: UserRepository;
  readonly sessions: UserSessionRepository;
  readonly eventTypes: EventTypeRepository;
  readonly events: EventRepository;
  readonly subscriptions: SubscriptionRepository;
  readonly subscriptionHealth: SubscriptionHealthRepository;
  readonly requestAttempts: RequestAttemptRepository;
  readonly responses: ResponseRepository;
  readonly quotaUsage: QuotaUsageRepository;
  readonly databaseHealth: DatabaseHealthRepository;
  readonly eventReplays: EventReplayRepository;
  readonly eventsPerDay: EventsPerDayRepository;
  readonly subscriptionSecrets: SubscriptionSecretRepository;
  readonly manualDeliveries: ManualDeliveryRepository;
  readonly replays: ReplayRepository;
  readonly subscriptionStats: SubscriptionStatsRepository;
}

export function createRepositories(dataSource: DataSource): Repositories {
  return {
    applications: new ApplicationRepository(dataSource),
    applicationSecrets: new ApplicationSecretRepository(dataSource),
    organizations: new OrganizationRepository(dataSource),
    organizationMembers: new OrganizationMemberRepository(dataSource),
    serviceTokens: new ServiceTokenRepository(dataSource),
    users: new UserRepository(dataSource),
    sessions: new UserSessionRepository(dataSource),
    eventTypes: new EventTypeRepository(dataSource),
    events: new EventRepository(dataSource),
    subscriptions: new SubscriptionRepository(dataSource),
    subscriptionHealth: new SubscriptionHealthRepository(dataSource),
    requestAttempts: new RequestAttemptRepository(dataSource),
    responses: new ResponseRepository(dataSource),
    quotaUsage: new QuotaUsageRepository(dataSource),
    databaseHealth: new DatabaseHealthRepository(dataSource),
    eventReplays: new EventReplayRepository(dataSource),
    eventsPerDay: new EventsPerDayRepository(dataSource),
    subscriptionSecrets: new SubscriptionSecretRepository(dataSource),
    manualDeliveries: new ManualDeliveryRepository(dataSource),
    replays: new ReplayRepository(dataSource),
    subscriptionStats: new SubscriptionStatsRepository(dataSource),
  };
}

/** What services need besides repositories: the configuration and this process's own state. */
export interface ServiceContext {
  readonly config: ApiConfig;
  /** Whether this process is connected to RabbitMQ, for the health check. */
  readonly rabbitmqConnected: () => boolean;
  /** An outbox row was committed outside ingest (a replay): publish it soon. */
  readonly onOutboxWritten: () => void;
}

export function createServices(repositories: Repositories, ingestHooks: IngestHooks, context: ServiceContext): Services {
  const access = new AccessPolicy(repositories.applications);
  const quotas = new QuotaService(repositories.quotaUsage, context.config.quotas);
  const identity = context.config.identity;
  const passwords = new PasswordHasher(
    new HashingLimiter({ concurrency: identity.passwordHashingConcurrency, queueSize: identity.passwordHashingQueueSize }),
  );
  const healthProbes = { database: () => repositories.databaseHealth.ping(), rabbitmq: context.rabbitmqConnected };
  return {
    access,
    organizations: new OrganizationService(repositories.organizations, repositories.organizationMembers, quotas),
    organizationMembers: new OrganizationMemberService(repositories.organizationMembers, repositories.users, quotas),
    serviceTokens: new ServiceTokenService(repositories.serviceTokens),
    users: new UserService(repositories.users, passwords, identity),
    sessions: new SessionService(repositories.users, repositories.sessions, passwords, new LoginThrottle(identity.loginThrottle), identity),
    applications: new ApplicationService(repositories.applications, repositories.organizations, quotas),
    applicationSecrets: new ApplicationSecretService(repositories.applicationSecrets),
    eventTypes: new EventTypeService(repositories.eventTypes, quotas),
    events: new EventService(repositories.events, ingestHooks, quotas),
    subscriptions: new SubscriptionService(repositories.subscriptions, repositories.eventTypes, repositories.subscriptionHealth, quotas),
    requestAttempts: new RequestAttemptService(repositories.requestAttempts),
    responses: new ResponseService(repositories.responses),
    quotas,
    instance: new InstanceService(instanceInfo(context.config)),
    health: new HealthService(healthProbes, { key: context.config.healthCheckKey, timeoutMs: context.config.healthCheckTimeoutMs }),
    eventReplays: new EventReplayService(repositories.eventReplays, { onQueued: context.onOutboxWritten }, quotas),
    eventsPerDay: new EventsPerDayService(repositories.eventsPerDay),
    secretRotations: new SecretRotationService(repositories.subscriptionSecrets),
    manualDeliveries: new ManualDeliveryService(repositories.manualDeliveries, repositories.requestAttempts, quotas, {
      onQueued: context.onOutboxWritten,
    }),
    replays: new ReplayService(repositories.replays, quotas, uuidv7),
    subscriptionStats: new SubscriptionStatsService(repositories.subscriptions, repositories.subscriptionStats),
  };
}
