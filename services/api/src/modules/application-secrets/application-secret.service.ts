import { randomUUID } from 'node:crypto';
import { ProblemError } from '@hook0/core';
import type { ApplicationSecretEntity, ApplicationSecretRepository } from '@hook0/db';
import type { ApplicationGrant } from '../../auth/grants';

/**
 * Application secrets (docs/hook0-compatibility.md "Application secrets"): the token is the id, shown in clear. Each one is a credential with full
 * control of its application, so even listing them takes the write right (its routes' rule): a viewer gets 403.
 */
export class ApplicationSecretService {
  constructor(private readonly secrets: ApplicationSecretRepository) {}

  list({ application }: ApplicationGrant): Promise<ApplicationSecretEntity[]> {
    return this.secrets.listLive(application.applicationId);
  }

  create({ application }: ApplicationGrant, name: string | null): Promise<ApplicationSecretEntity> {
    return this.secrets.create({ token: randomUUID(), applicationId: application.applicationId, name });
  }

  async rename({ application }: ApplicationGrant, token: string, name: string | null): Promise<ApplicationSecretEntity> {
    const secret = await this.secrets.rename(application.applicationId, token, name);
    if (!secret) throw new ProblemError('NotFound');
    return secret;
  }

  async delete({ application }: ApplicationGrant, token: string): Promise<void> {
    if (!(await this.secrets.softDelete(application.applicationId, token))) throw new ProblemError('NotFound');
  }
}
