import { ProblemError } from '@hook0/core';
import type { IdentityConfig } from '@hook0/config';

/** Length in characters (code points), the way a person counts them. */
export function passwordLength(password: string): number {
  return [...password.normalize('NFC')].length;
}

/** Hook0's length rules: 400 PasswordTooShort below PASSWORD_MINIMUM_LENGTH, 400 PasswordTooLong above the maximum. */
export function checkPasswordPolicy(password: string, config: IdentityConfig): void {
  const length = passwordLength(password);
  if (length < config.passwordMinimumLength) {
    throw new ProblemError('PasswordTooShort', `Password must be at least ${config.passwordMinimumLength} characters long.`);
  }
  if (length > config.passwordMaximumLength) {
    throw new ProblemError('PasswordTooLong', `Password must be at most ${config.passwordMaximumLength} characters long.`);
  }
}
