import { randomUUID } from 'node:crypto';
import { ProblemError } from '@hook0/core';
import type { ApplicationSecretEntity, ApplicationSecretRepository } from '@hook0/db';
import type { AccessPolicy } from '../../auth/access-policy';
import type { Principal } from '../../auth/principal';
import type { ApplicationSecretPostDto } from './application-secret.dto';

/**
 * Application secrets (docs/hook0-compatibility.md "Application secrets"): the token is the id, shown in clear. Each one is a credential with full
 * control of its application, so even listing them takes the write right: a viewer gets 403.
 */
export class ApplicationSecretService {
  constructor(
    private readonly secrets: ApplicationSecretRepository,
    private readonly access: AccessPolicy,
  ) {}

  async list(principal: Principal, applicationId: string): Promise<ApplicationSecretEntity[]> {
    const application = await this.access.application(principal, applicationId, 'write');
    return this.secrets.listLive(application.applicationId);
  }

  async create(principal: Principal, input: ApplicationSecretPostDto): Promise<ApplicationSecretEntity> {
    const application = await this.access.application(principal, input.application_id, 'write');
    return this.secrets.create({ token: randomUUID(), applicationId: application.applicationId, name: input.name ?? null });
  }

  async rename(principal: Principal, token: string, input: ApplicationSecretPostDto): Promise<ApplicationSecretEntity> {
    const application = await this.access.application(principal, input.application_id, 'write');
    const secret = await this.secrets.rename(application.applicationId, token, input.name ?? null);
    if (!secret) throw new ProblemError('NotFound');
    return secret;
  }

  async delete(principal: Principal, applicationId: string, token: string): Promise<void> {
    const application = await this.access.application(principal, applicationId, 'write');
    if (!(await this.secrets.softDelete(application.applicationId, token))) throw new ProblemError('NotFound');
  }
}
