import { OrganizationEntity } from './organization.entity';
import { ApplicationEntity } from './application.entity';
import { ApplicationSecretEntity } from './application-secret.entity';
import { EventTypeEntity } from './event-type.entity';
import { EventEntity } from './event.entity';
import { EventOutboxEntity } from './event-outbox.entity';
import { SubscriptionEntity } from './subscription.entity';
import { RequestAttemptEntity } from './request-attempt.entity';
import { ResponseEntity } from './response.entity';

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
};

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
];
