import type { ApplicationSecretEntity } from '@hook0/db';

export function toApplicationSecretView(secret: ApplicationSecretEntity) {
  return { name: secret.name, token: secret.token, created_at: secret.createdAt, deleted_at: secret.deletedAt };
}
