import type { DataSource } from 'typeorm';
import { OrganizationEntity } from '../entities/organization.entity';
import { OrganizationMemberEntity } from '../entities/organization-member.entity';
import { UserEntity } from '../entities/user.entity';
import { isUniqueViolation } from '../postgres-errors';
import type { NewOrganization } from './organization.repository';

export interface NewUser {
  readonly userId: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly passwordHash: string;
}

/** `email_taken`: another user has this email, whatever its case. */
export type RegistrationOutcome = { outcome: 'created' } | { outcome: 'email_taken' };

/** Users and their passwords' hashes. Emails are unique without regard to case. */
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Registration: the user, their first organization and their editor membership, in one transaction; nothing is
   * written when the email is taken.
   */
  async createWithOrganization(user: NewUser, organization: NewOrganization): Promise<RegistrationOutcome> {
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(UserEntity).insert(user);
        await manager.getRepository(OrganizationEntity).insert(organization);
        await manager
          .getRepository(OrganizationMemberEntity)
          .insert({ organizationId: organization.organizationId, userId: user.userId, role: 'editor' });
      });
      return { outcome: 'created' };
    } catch (error) {
      if (isUniqueViolation(error, 'app_user_email_key')) return { outcome: 'email_taken' };
      throw error;
    }
  }

  async findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  find(userId: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ userId });
  }

  /**
   * The same password hashed anew (stronger parameters): no session is touched and password_changed_at stays, and
   * nothing is written if the hash changed meanwhile (a password change wins). True when it was replaced.
   */
  async replacePasswordHash(userId: string, expectedHash: string, passwordHash: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE app_user SET password_hash = $3 WHERE user_id = $1 AND password_hash = $2`,
      [userId, expectedHash, passwordHash],
    );
    return affected > 0;
  }

  /** New password hash; every other session of the user is revoked in the same transaction. */
  async changePassword(userId: string, passwordHash: string, keepSessionId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE app_user SET password_hash = $2, password_changed_at = now() WHERE user_id = $1`, [userId, passwordHash]);
      await manager.query(
        `UPDATE user_token t SET revoked_at = now() FROM user_session s
          WHERE s.session_id = t.session_id AND s.user_id = $1 AND s.session_id <> $2 AND t.revoked_at IS NULL`,
        [userId, keepSessionId],
      );
      await manager.query(`UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND session_id <> $2 AND revoked_at IS NULL`, [
        userId,
        keepSessionId,
      ]);
    });
  }
}
