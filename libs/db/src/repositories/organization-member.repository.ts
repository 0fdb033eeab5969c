import type { DataSource } from 'typeorm';
import { OrganizationEntity } from '../entities/organization.entity';
import { OrganizationMemberEntity, type OrganizationRole } from '../entities/organization-member.entity';
import { isForeignKeyViolation } from '../postgres-errors';
import type { NewOrganization } from './organization.repository';

export interface OrganizationMember {
  readonly userId: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly role: OrganizationRole;
}

/** `already_member`: nothing changed; `not_found`: the organization (or the user) does not exist, or was just deleted. */
export type AddMemberOutcome = 'added' | 'already_member' | 'not_found';

export interface Membership {
  readonly organization: OrganizationEntity;
  readonly role: OrganizationRole;
}

/** Who belongs to which organization, with which role. */
export class OrganizationMemberRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A new organization whose creator is its first editor, in one transaction. */
  async createOrganizationWithEditor(organization: NewOrganization, userId: string): Promise<OrganizationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const organizations = manager.getRepository(OrganizationEntity);
      const saved = await organizations.save(organizations.create(organization));
      await manager.getRepository(OrganizationMemberEntity).insert({ organizationId: saved.organizationId, userId, role: 'editor' });
      return saved;
    });
  }

  async organizationsOf(userId: string): Promise<Membership[]> {
    const rows: { organization_id: string; name: string; created_at: Date; role: OrganizationRole }[] = await this.dataSource.query(
      `SELECT o.organization_id, o.name, o.created_at, m.role
         FROM organization_member m JOIN organization o ON o.organization_id = m.organization_id
        WHERE m.user_id = $1 ORDER BY o.created_at, o.organization_id`,
      [userId],
    );
    const organizations = this.dataSource.getRepository(OrganizationEntity);
    return rows.map((row) => ({
      organization: organizations.create({ organizationId: row.organization_id, name: row.name, createdAt: row.created_at }),
      role: row.role,
    }));
  }

  async members(organizationId: string): Promise<OrganizationMember[]> {
    const rows: { user_id: string; email: string; first_name: string; last_name: string; role: OrganizationRole }[] =
      await this.dataSource.query(
        `SELECT u.user_id, u.email, u.first_name, u.last_name, m.role
         FROM organization_member m JOIN app_user u ON u.user_id = m.user_id
        WHERE m.organization_id = $1 ORDER BY m.created_at, u.user_id`,
        [organizationId],
      );
    return rows.map((row) => ({
      userId: row.user_id,
      email: row.email,
      firstName: row.first_name,
      lastName: row.last_name,
      role: row.role,
    }));
  }

  async count(organizationId: string): Promise<number> {
    const [row]: { count: string }[] = await this.dataSource.query(`SELECT count(*) FROM organization_member WHERE organization_id = $1`, [
      organizationId,
    ]);
    return Number(row.count);
  }

  async add(organizationId: string, userId: string, role: OrganizationRole): Promise<AddMemberOutcome> {
    try {
      const rows: unknown[] = await this.dataSource.query(
        `INSERT INTO organization_member (organization_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (organization_id, user_id) DO NOTHING RETURNING user_id`,
        [organizationId, userId, role],
      );
      return rows.length > 0 ? 'added' : 'already_member';
    } catch (error) {
      if (isForeignKeyViolation(error)) return 'not_found';
      throw error;
    }
  }

  /** False when the user is not a member. */
  async setRole(organizationId: string, userId: string, role: OrganizationRole): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE organization_member SET role = $3 WHERE organization_id = $1 AND user_id = $2`,
      [organizationId, userId, role],
    );
    return affected > 0;
  }

  /** False when the user is not a member. */
  async remove(organizationId: string, userId: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM organization_member WHERE organization_id = $1 AND user_id = $2`,
      [organizationId, userId],
    );
    return affected > 0;
  }
}
