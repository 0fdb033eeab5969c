import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { SHAPE } from '../../http/validators';

/** The longest overlap a rotation may give the previous secret: 30 days. */
export const MAX_OVERLAP_SECONDS = 30 * 24 * 3600;
export const DEFAULT_OVERLAP_SECONDS = 24 * 3600;

/** `POST /subscriptions/{subscription_id}/secret/rotate` (docs/security.md "Secret rotation"). */
export class SecretRotationDto {
  @IsUUID('all', SHAPE)
  application_id: string;

  /** How long the previous secret keeps signing, 0 to 30 days in seconds; 1 day when absent. */
  @IsOptional()
  @IsInt(SHAPE)
  @Min(0)
  @Max(MAX_OVERLAP_SECONDS)
  overlap_seconds?: number | null;
}

/** `POST /request_attempts/{request_attempt_id}/retry` and `POST /subscriptions/{subscription_id}/test`. */
export class ManualDeliveryDto {
  @IsUUID('all', SHAPE)
  application_id: string;
}
