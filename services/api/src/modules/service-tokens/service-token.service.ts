import { randomUUID } from 'node:crypto';
import { ProblemError } from '@hook0/core';
import type { ServiceTokenEntity, ServiceTokenRepository } from '@hook0/db';
import type { OrganizationGrant } from '../../auth/grants';
import { mintToken, tokenHint } from '../../auth/opaque-token';

export interface CreatedServiceToken {
  readonly token: ServiceTokenEntity;
  /** The token in clear: returned once, never stored. */
  readonly value: string;
}

/** Service tokens (docs/hook0-compatibility.md "Service tokens"): organization-wide editor credentials, managed by the organization's editors. */
export class ServiceTokenService {
  constructor(private readonly tokens: ServiceTokenRepository) {}

  list({ organizationId }: OrganizationGrant): Promise<ServiceTokenEntity[]> {
    return this.tokens.listLive(organizationId);
  }

  async create({ organizationId }: OrganizationGrant, name: string): Promise<CreatedServiceToken> {
    const minted = mintToken('service');
    const created = await this.tokens.create({
      tokenId: randomUUID(),
      organizationId,
      name,
      tokenHash: minted.hash,
      tokenHint: tokenHint(minted.value),
    });
    // Only the master key can name an organization that does not exist.
    if (created.outcome === 'unknown_organization') throw new ProblemError('NotFound');
    return { token: created.token, value: minted.value };
  }

  async get({ organizationId }: OrganizationGrant, tokenId: string): Promise<ServiceTokenEntity> {
    const token = await this.tokens.findLive(organizationId, tokenId);
    if (!token) throw new ProblemError('NotFound');
    return token;
  }

  async rename({ organizationId }: OrganizationGrant, tokenId: string, name: string): Promise<ServiceTokenEntity> {
    const token = await this.tokens.rename(organizationId, tokenId, name);
    if (!token) throw new ProblemError('NotFound');
    return token;
  }

  /** Deleting expires the token: it stops authenticating at once. */
  async delete({ organizationId }: OrganizationGrant, tokenId: string): Promise<void> {
    if (!(await this.tokens.expire(organizationId, tokenId))) throw new ProblemError('NotFound');
  }
}
