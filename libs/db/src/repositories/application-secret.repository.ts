import { IsNull, type DataSource } from 'typeorm';
import { ApplicationSecretEntity } from '../entities/application-secret.entity';

export interface NewApplicationSecret {
  readonly token: string;
  readonly applicationId: string;
  readonly name: string | null;
}

/** Application secrets (docs/hook0-compatibility.md "Application secrets"): soft-deleted, never purged here. */
export class ApplicationSecretRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repository() {
    return this.dataSource.getRepository(ApplicationSecretEntity);
  }

  listLive(applicationId: string): Promise<ApplicationSecretEntity[]> {
    return this.repository.find({ where: { applicationId, deletedAt: IsNull() }, order: { createdAt: 'ASC', token: 'ASC' } });
  }

  create(secret: NewApplicationSecret): Promise<ApplicationSecretEntity> {
    return this.repository.save(this.repository.create({ ...secret, deletedAt: null }));
  }

  /** Renames a live secret of the application; null when there is none with this token. */
  async rename(applicationId: string, token: string, name: string | null): Promise<ApplicationSecretEntity | null> {
    const live = { applicationId, token, deletedAt: IsNull() };
    const result = await this.repository.update(live, { name });
    return result.affected ? this.repository.findOneBy({ applicationId, token }) : null;
  }

  /** Soft-deletes a live secret; false when there is none with this token. */
  async softDelete(applicationId: string, token: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE application_secret SET deleted_at = now() WHERE application_id = $1 AND token = $2 AND deleted_at IS NULL`,
      [applicationId, token],
    );
    return affected > 0;
  }
}
