import type { DataSource } from 'typeorm';
import { OrganizationEntity } from '../entities/organization.entity';

export class OrganizationRepository {
  constructor(private readonly dataSource: DataSource) {}

  create(organization: OrganizationEntity): Promise<OrganizationEntity> {
    return this.dataSource.getRepository(OrganizationEntity).save(organization);
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

  async countApplications(organizationId: string): Promise<number> {
    const [row]: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) FROM application WHERE organization_id = $1 AND deleted_at IS NULL`,
      [organizationId],
    );
    return Number(row.count);
  }
}
