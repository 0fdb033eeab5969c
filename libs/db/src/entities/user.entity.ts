import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person who logs in with an email and a password (`app_user`: `user` is reserved in PostgreSQL). */
@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** Stored as given; unique without regard to case (index on lower(email)). */
  @Column({ name: 'email', type: 'text' })
  email: string;

  @Column({ name: 'first_name', type: 'text' })
  firstName: string;

  @Column({ name: 'last_name', type: 'text' })
  lastName: string;

  /** Self-describing KDF output (`$scrypt$ln=…,r=…,p=…$salt$hash`), never the password. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'password_changed_at', type: 'timestamptz', default: () => 'now()' })
  passwordChangedAt: Date;
}
