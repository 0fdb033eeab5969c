import { IsNull, type DataSource } from 'typeorm';
import { ServiceTokenEntity } from '../entities/service-token.entity';
import { PreparedStatement } from '../prepared-statement';
import { isForeignKeyViolation } from '../postgres-errors';

export interface NewServiceToken {
  readonly tokenId: string;
  readonly organizationId: string;
  readonly name: string;
  readonly tokenHash: Buffer;
  readonly tokenHint: string;
}

/** `unknown_organization`: no such organization (only the master key can name one that does not exist). */
export type CreateServiceTokenOutcome = { outcome: 'created'; token: ServiceTokenEntity } | { outcome: 'unknown_organization' };

export interface ServiceTokenScope {
  readonly tokenId: string;
  readonly organizationId: string;
}

/** Runs on every request authenticated by a service token. */
const SCOPE_OF_TOKEN = new PreparedStatement<{ token_id: string; organization_id: string }>(
  'hook0_scope_of_service_token',
  `SELECT token_id, organization_id FROM service_token WHERE token_hash = $1 AND expired_at IS NULL`,
);

/** Service tokens (docs/hook0-compatibility.md "Service tokens"). Deleting one expires it; expired ones are kept but authenticate nothing. */
export class ServiceTokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repository() {
    return this.dataSource.getRepository(ServiceTokenEntity);
  }

  async create(token: NewServiceToken): Promise<CreateServiceTokenOutcome> {
    try {
      await this.repository.insert(token);
    } catch (error) {
      if (isForeignKeyViolation(error)) return { outcome: 'unknown_organization' };
      throw error;
    }
    return { outcome: 'created', token: (await this.repository.findOneBy({ tokenId: token.tokenId }))! };
  }

  listLive(organizationId: string): Promise<ServiceTokenEntity[]> {
    return this.repository.find({ where: { organizationId, expiredAt: IsNull() }, order: { createdAt: 'ASC', tokenId: 'ASC' } });
  }

  findLive(organizationId: string, tokenId: string): Promise<ServiceTokenEntity | null> {
    return this.repository.findOneBy({ organizationId, tokenId, expiredAt: IsNull() });
  }

  async rename(organizationId: string, tokenId: string, name: string): Promise<ServiceTokenEntity | null> {
    const result = await this.repository.update({ organizationId, tokenId, expiredAt: IsNull() }, { name });
    return result.affected ? this.repository.findOneBy({ organizationId, tokenId }) : null;
  }

  async expire(organizationId: string, tokenId: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE service_token SET expired_at = now() WHERE organization_id = $1 AND token_id = $2 AND expired_at IS NULL`,
      [organizationId, tokenId],
    );
    return affected > 0;
  }

  /** The live token with this hash, and its organization. */
  async scopeOf(tokenHash: Buffer): Promise<ServiceTokenScope | null> {
    const [row] = await SCOPE_OF_TOKEN.rows(this.dataSource, [tokenHash]);
    return row ? { tokenId: row.token_id, organizationId: row.organization_id } : null;
  }
}
