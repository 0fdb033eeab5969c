import type { Schemas } from '../../api/client';

export type ApplicationSecret = Schemas['ApplicationSecret'];

const VISIBLE_END = 4;

/** The token with all but its last characters hidden: enough to tell secrets apart, nothing to act with. */
export function maskToken(token: string): string {
  return `••••••••${token.slice(-VISIBLE_END)}`;
}

/** How the page names a secret in labels: its name if it has one, and the end of its token, since names may repeat. */
export function secretLabel(secret: Pick<ApplicationSecret, 'name' | 'token'>): string {
  const end = `…${secret.token.slice(-VISIBLE_END)}`;
  return secret.name ? `${secret.name} (${end})` : end;
}

/** The body of a create or rename: a blank name is no name. */
export function toSecretBody(applicationId: string, name: string): Schemas['ApplicationSecretPostDto'] {
  const trimmed = name.trim();
  return { application_id: applicationId, name: trimmed === '' ? null : trimmed };
}
