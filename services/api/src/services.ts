import type { DataSource } from 'typeorm';
import { ApplicationRepository, EventRepository, OrganizationRepository } from '@hook0/db';
import { AccessPolicy } from './auth/access-policy';
import { ApplicationService } from './modules/applications/application.service';
import { EventService, type IngestHooks } from './modules/events/event.service';
import { OrganizationService } from './modules/organizations/organization.service';

export interface Services {
  readonly access: AccessPolicy;
  readonly organizations: OrganizationService;
  readonly applications: ApplicationService;
  readonly events: EventService;
}

export interface Repositories {
  readonly applications: ApplicationRepository;
  readonly organizations: OrganizationRepository;
  readonly events: EventRepository;
}

export function createRepositories(dataSource: DataSource): Repositories {
  return {
    applications: new ApplicationRepository(dataSource),
    organizations: new OrganizationRepository(dataSource),
    events: new EventRepository(dataSource),
  };
}

export function createServices(repositories: Repositories, ingestHooks: IngestHooks): Services {
  const access = new AccessPolicy(repositories.applications);
  return {
    access,
    organizations: new OrganizationService(repositories.organizations, access),
    applications: new ApplicationService(repositories.applications, repositories.organizations, access),
    events: new EventService(repositories.events, access, ingestHooks),
  };
}
