import { ProblemError } from '@hook0/core';

/** Hook0 strips a literal `Bearer ` prefix when present; a bare token works too. */
export function bearerToken(header: string | undefined): string {
  if (header === undefined) throw new ProblemError('AuthNoAuthorizationHeader');
  const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : header;
  if (token.trim() === '') throw new ProblemError('AuthInvalidBiscuit');
  return token.trim();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
