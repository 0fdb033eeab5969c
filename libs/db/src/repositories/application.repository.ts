import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { ApplicationEntity } from '../entities/application.entity';
import { ApplicationSecretEntity } from '../entities/application-secret.entity';
import { PreparedStatement } from '../prepared-statement';

export interface ApplicationScope {
  readonly applicationId: string;
  readonly organizationId: string;
}

export interface ApplicationOnboarding {
  readonly eventType: boolean;
  readonly subscription: boolean;
  readonly event: boolean;
}

/** Runs on every request authenticated by an application secret. */
const SCOPE_OF_SECRET = new PreparedStatement<{ application_id: string; organization_id: string }>(
  'hook0_scope_of_secret',
  `SELECT a.application_id, a.organization_id
     FROM application_secret s JOIN application a ON a.application_id = s.application_id
    WHERE s.token = $1 AND s.deleted_at IS NULL AND a.deleted_at IS NULL`,
);

export interface NewApplication {
  readonly applicationId: string;
  readonly organizationId: string;
  readonly name: string;
}

export class ApplicationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The live application a secret belongs to, or null for an unknown or deleted secret. */
  async scopeOfSecret(token: string): Promise<ApplicationScope | null> {
    const [row] = await SCOPE_OF_SECRET.rows(this.dataSource, [token]);
    return row ? { applicationId: row.application_id, organizationId: row.organization_id } : null;
  }

  findLive(applicationId: string): Promise<ApplicationEntity | null> {
    return this.dataSource.getRepository(ApplicationEntity).findOneBy({ applicationId, deletedAt: IsNull() });
  }

  listLive(organizationId: string): Promise<ApplicationEntity[]> {
    return this.dataSource
      .getRepository(ApplicationEntity)
      .find({ where: { organizationId, deletedAt: IsNull() }, order: { createdAt: 'ASC' } });
  }

  /** Which first steps the application has taken (Hook0's onboarding_steps of ApplicationInfo). */
  async onboarding(applicationId: string): Promise<ApplicationOnboarding> {
    const [row]: { event_type: boolean; subscription: boolean; event: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM event_type WHERE application_id = $1 AND deactivated_at IS NULL) AS event_type,
              EXISTS (SELECT 1 FROM subscription WHERE application_id = $1 AND deleted_at IS NULL) AS subscription,
              EXISTS (SELECT 1 FROM event WHERE application_id = $1) AS event`,
      [applicationId],
    );
    return { eventType: row.event_type, subscription: row.subscription, event: row.event };
  }

  /** Renames a live application of the organization (PUT is a full replace, and the name is all there is). Null when not found. */
  async rename(applicationId: string, organizationId: string, name: string): Promise<ApplicationEntity | null> {
    const repository = this.dataSource.getRepository(ApplicationEntity);
    const live = { applicationId, organizationId, deletedAt: IsNull() };
    const result = await repository.update(live, { name });
    return result.affected ? repository.findOneBy(live) : null;
  }

  /**
   * Soft-deletes a live application and fails every pending attempt of its subscriptions, in one transaction.
   * Its secrets stop authenticating at once (they resolve only through a live application). False when not live.
   */
  async softDelete(applicationId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [, affected]: [unknown[], number] = await manager.query(
        `UPDATE application SET deleted_at = now() WHERE application_id = $1 AND deleted_at IS NULL`,
        [applicationId],
      );
      if (affected === 0) return false;
      await manager.query(
        `UPDATE request_attempt SET failed_at = now() WHERE application_id = $1 AND succeeded_at IS NULL AND failed_at IS NULL`,
        [applicationId],
      );
      return true;
    });
  }

  /** Creates the application and its secret named `Default`, whose token is `defaultSecretToken`, in one transaction. */
  async createWithDefaultSecret(application: NewApplication, defaultSecretToken: string): Promise<ApplicationEntity> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const applications = manager.getRepository(ApplicationEntity);
      const saved = await applications.save(applications.create(application));
      const secrets = manager.getRepository(ApplicationSecretEntity);
      await secrets.save(secrets.create({ token: defaultSecretToken, applicationId: saved.applicationId, name: 'Default' }));
      return saved;
    });
  }
}
