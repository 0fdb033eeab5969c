import { randomUUID } from 'node:crypto';
import { ProblemError } from '@hook0/core';
import type { ServiceTokenEntity, ServiceTokenRepository } from '@hook0/db';
import type { AccessPolicy } from '../../auth/access-policy';
import { mintToken, tokenHint } from '../../auth/opaque-token';
import type { Principal } from '../../auth/principal';
import type { ServiceTokenPostDto } from './service-token.dto';

export interface CreatedServiceToken {
  readonly token: ServiceTokenEntity;
  /** The token in clear: returned once, never stored. */
  readonly value: string;
}

/** Service tokens (docs/hook0-compatibility.md "Service tokens"): organization-wide editor credentials, managed by the organization's editors. */
export class ServiceTokenService {
  constructor(
    private readonly tokens: ServiceTokenRepository,
    private readonly access: AccessPolicy,
  ) {}

  async list(principal: Principal, organizationId: string): Promise<ServiceTokenEntity[]> {
    this.access.organization(principal, organizationId, 'read');
    this.refuseServiceTokens(principal);
    return this.tokens.listLive(organizationId);
  }

  async create(principal: Principal, input: ServiceTokenPostDto): Promise<CreatedServiceToken> {
    const organizationId = input.organization_id;
    this.access.administration(principal, organizationId);
    const minted = mintToken('service');
    const created = await this.tokens.create({
      tokenId: randomUUID(),
      organizationId,
      name: input.name,
      tokenHash: minted.hash,
      tokenHint: tokenHint(minted.value),
    });
    // Only the master key can name an organization that does not exist.
    if (created.outcome === 'unknown_organization') throw new ProblemError('NotFound');
    return { token: created.token, value: minted.value };
  }

  async get(principal: Principal, organizationId: string, tokenId: string): Promise<ServiceTokenEntity> {
    this.access.organization(principal, organizationId, 'read');
    this.refuseServiceTokens(principal);
    const token = await this.tokens.findLive(organizationId, tokenId);
    if (!token) throw new ProblemError('NotFound');
    return token;
  }

  async rename(principal: Principal, tokenId: string, input: ServiceTokenPostDto): Promise<ServiceTokenEntity> {
    const organizationId = input.organization_id;
    this.access.administration(principal, organizationId);
    const token = await this.tokens.rename(organizationId, tokenId, input.name);
    if (!token) throw new ProblemError('NotFound');
    return token;
  }

  /** Deleting expires the token: it stops authenticating at once. */
  async delete(principal: Principal, organizationId: string, tokenId: string): Promise<void> {
    this.access.administration(principal, organizationId);
    if (!(await this.tokens.expire(organizationId, tokenId))) throw new ProblemError('NotFound');
  }

  /** Service tokens do not see other service tokens, not even their names: credentials are the editors' business. */
  private refuseServiceTokens(principal: Principal): void {
    if (principal.kind === 'service-token') throw new ProblemError('Forbidden');
  }
}
