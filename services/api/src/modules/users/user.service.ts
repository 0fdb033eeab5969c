import { randomUUID } from 'node:crypto';
import type { IdentityConfig } from '@hook0/config';
import { ProblemError } from '@hook0/core';
import type { UserRepository } from '@hook0/db';
import type { PasswordHasher } from '../../auth/password-hasher';
import type { RegisterDto } from './user.dto';
import { checkPasswordPolicy } from './password-policy';

export interface Registered {
  readonly userId: string;
  readonly organizationId: string;
}

/** Registration (docs/hook0-compatibility.md "Users and registration"): no email verification, there being no mail server. */
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly config: IdentityConfig,
  ) {}

  async register(input: RegisterDto): Promise<Registered> {
    if (this.config.registrationDisabled) throw new ProblemError('RegistrationDisabled');
    checkPasswordPolicy(input.password, this.config);
    const user = {
      userId: randomUUID(),
      email: input.email,
      firstName: input.first_name,
      lastName: input.last_name,
      passwordHash: await this.hasher.hash(input.password),
    };
    const organization = { organizationId: randomUUID(), name: `${input.first_name}'s organization`.slice(0, 50) };
    const created = await this.users.createWithOrganization(user, organization);
    if (created.outcome === 'email_taken') throw new ProblemError('UserAlreadyExist');
    return { userId: user.userId, organizationId: organization.organizationId };
  }
}
