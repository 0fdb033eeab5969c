import type { DataSource } from 'typeorm';
import { OrganizationEntity } from '../entities/organization.entity';

export interface NewOrganization {
  readonly organizationId: string;
  readonly name: string;
}

export class OrganizationRepository {
  constructor(private readonly dataSource: DataSource) {}

  create(organization: NewOrganization): Promise<OrganizationEntity> {
    const repository = this.dataSource.getRepository(OrganizationEntity);
    return repository.save(repository.create(organization));
  }

  list(): Promise<OrganizationEntity[]> {
    return this.dataSource.getRepository(OrganizationEntity).find({ order: { createdAt: 'ASC' } });
  }

  find(organizationId: string): Promise<OrganizationEntity | null> {
    return this.dataSource.getRepository(OrganizationEntity).findOneBy({ organizationId });
  }

  async exists(organizationId: string): Promise<boolean> {
    return this.dataSource.getRepository(OrganizationEntity).existsBy({ organizationId });
  }

  async rename(organizationId: string, name: string): Promise<OrganizationEntity | null> {
    const result = await this.dataSource.getRepository(OrganizationEntity).update({ organizationId }, { name });
    return result.affected ? this.find(organizationId) : null;
  }

  /**
   * Deletes an organization that has no live application (soft-deleted ones go with it, as do memberships and
   * service tokens). The row is locked first, so an application created meanwhile waits and then fails its foreign key.
   */
  async deleteIfEmpty(organizationId: string): Promise<'deleted' | 'not-found' | 'not-empty'> {
    return this.dataSource.transaction(async (manager) => {
      const locked: unknown[] = await manager.query(`SELECT 1 FROM organization WHERE organization_id = $1 FOR UPDATE`, [organizationId]);
      if (locked.length === 0) return 'not-found';
      const [live]: { count: string }[] = await manager.query(
        `SELECT count(*) FROM application WHERE organization_id = $1 AND deleted_at IS NULL`,
        [organizationId],
      );
      if (Number(live.count) > 0) return 'not-empty';
      await manager.query(`DELETE FROM organization WHERE organization_id = $1`, [organizationId]);
      return 'deleted';
    });
  }

  /** Which first steps the organization has taken (Hook0's onboarding_steps), counting live applications only. */
  async onboarding(organizationId: string): Promise<{ application: boolean; eventType: boolean; subscription: boolean; event: boolean }> {
    const [row]: { application: boolean; event_type: boolean; subscription: boolean; event: boolean }[] = await this.dataSource.query(
      `WITH apps AS (SELECT application_id FROM application WHERE organization_id = $1 AND deleted_at IS NULL)
       SELECT EXISTS (SELECT 1 FROM apps) AS application,
              EXISTS (SELECT 1 FROM event_type t JOIN apps USING (application_id) WHERE t.deactivated_at IS NULL) AS event_type,
              EXISTS (SELECT 1 FROM subscription s JOIN apps USING (application_id) WHERE s.deleted_at IS NULL) AS subscription,
              EXISTS (SELECT 1 FROM event e JOIN apps USING (application_id)) AS event`,
      [organizationId],
    );
    return { application: row.application, eventType: row.event_type, subscription: row.subscription, event: row.event };
  }

  async countApplications(organizationId: string): Promise<number> {
    const [row]: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) FROM application WHERE organization_id = $1 AND deleted_at IS NULL`,
      [organizationId],
    );
    return Number(row.count);
  }
}
