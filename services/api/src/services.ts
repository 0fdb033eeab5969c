import type { DataSource } from 'typeorm';
import {
  ApplicationRepository,
  ApplicationSecretRepository,
  EventRepository,
  EventTypeRepository,
  OrganizationRepository,
  RequestAttemptRepository,
  ResponseRepository,
  SubscriptionRepository,
} from '@hook0/db';
import { AccessPolicy } from './auth/access-policy';
import { ApplicationSecretService } from './modules/application-secrets/application-secret.service';
import { ApplicationService } from './modules/applications/application.service';
import { EventTypeService } from './modules/event-types/event-type.service';
import { EventService, type IngestHooks } from './modules/events/event.service';
import { OrganizationService } from './modules/organizations/organization.service';
import { RequestAttemptService } from './modules/request-attempts/request-attempt.service';
import { ResponseService } from './modules/responses/response.service';
import { SubscriptionService } from './modules/subscriptions/subscription.service';

export interface Services {
  readonly access: AccessPolicy;
  readonly organizations: OrganizationService;
  readonly applications: ApplicationService;
  readonly applicationSecrets: ApplicationSecretService;
  readonly eventTypes: EventTypeService;
  readonly events: EventService;
  readonly subscriptions: SubscriptionService;
  readonly requestAttempts: RequestAttemptService;
  readonly responses: ResponseService;
}

export interface Repositories {
  readonly applications: ApplicationRepository;
  readonly applicationSecrets: ApplicationSecretRepository;
  readonly organizations: OrganizationRepository;
  readonly eventTypes: EventTypeRepository;
  readonly events: EventRepository;
  readonly subscriptions: SubscriptionRepository;
  readonly requestAttempts: RequestAttemptRepository;
  readonly responses: ResponseRepository;
}

export function createRepositories(dataSource: DataSource): Repositories {
  return {
    applications: new ApplicationRepository(dataSource),
    applicationSecrets: new ApplicationSecretRepository(dataSource),
    organizations: new OrganizationRepository(dataSource),
    eventTypes: new EventTypeRepository(dataSource),
    events: new EventRepository(dataSource),
    subscriptions: new SubscriptionRepository(dataSource),
    requestAttempts: new RequestAttemptRepository(dataSource),
    responses: new ResponseRepository(dataSource),
  };
}

export function createServices(repositories: Repositories, ingestHooks: IngestHooks): Services {
  const access = new AccessPolicy(repositories.applications);
  return {
    access,
    organizations: new OrganizationService(repositories.organizations, access),
    applications: new ApplicationService(repositories.applications, repositories.organizations, access),
    applicationSecrets: new ApplicationSecretService(repositories.applicationSecrets, access),
    eventTypes: new EventTypeService(repositories.eventTypes, access),
    events: new EventService(repositories.events, access, ingestHooks),
    subscriptions: new SubscriptionService(repositories.subscriptions, repositories.eventTypes, access),
    requestAttempts: new RequestAttemptService(repositories.requestAttempts, access),
    responses: new ResponseService(repositories.responses, access),
  };
}
