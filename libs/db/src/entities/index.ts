import { OrganizationEntity } from './organization.entity';
import { ApplicationEntity } from './application.entity';
import { ApplicationSecretEntity } from './application-secret.entity';
import { EventTypeEntity } from './event-type.entity';
import { EventEntity } from './event.entity';
import { EventOutboxEntity } from './event-outbox.entity';
import { SubscriptionEntity } from './subscription.entity';
import { RequestAttemptEntity } from './request-attempt.entity';
import { ResponseEntity } from './response.entity';
import { UserEntity } from './user.entity';
import { OrganizationMemberEntity } from './organization-member.entity';
import { UserSessionEntity } from './user-session.entity';
import { UserTokenEntity } from './user-token.entity';
import { ServiceTokenEntity } from './service-token.entity';

export {
  OrganizationEntity,
  ApplicationEntity,
  ApplicationSecretEntity,
  EventTypeEntity,
  EventEntity,
  EventOutboxEntity,
  SubscriptionEntity,
  RequestAttemptEntity,
  ResponseEntity,
  UserEntity,
  OrganizationMemberEntity,
  UserSessionEntity,
  UserTokenEntity,
  ServiceTokenEntity,
};
export { ORGANIZATION_ROLES, isOrganizationRole, type OrganizationRole } from './organization-member.entity';
export type { UserTokenKind } from './user-token.entity';

export const ENTITIES = [
  OrganizationEntity,
  ApplicationEntity,
  ApplicationSecretEntity,
  EventTypeEntity,
  EventEntity,
  EventOutboxEntity,
  SubscriptionEntity,
  RequestAttemptEntity,
  ResponseEntity,
  UserEntity,
  OrganizationMemberEntity,
  UserSessionEntity,
  UserTokenEntity,
  ServiceTokenEntity,
];
