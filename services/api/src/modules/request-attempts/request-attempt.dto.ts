import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsRfc3339, NoControlCharacters, SHAPE } from '../../http/validators';

/** `failed`, `successful`, `inprogress`, `waiting` or `pending`, comma-separated. */
const ATTEMPT_STATUS_LIST =
  /^\s*(failed|successful|inprogress|waiting|pending)\s*(,\s*(failed|successful|inprogress|waiting|pending)\s*)*$/;

/** The filters of `GET /request_attempts` (docs/hook0-compatibility.md "Request attempts"); any malformed one is a 400 InvalidQueryString. */
export class RequestAttemptQueryDto {
  @IsUUID('all', SHAPE)
  application_id: string;

  @IsOptional()
  @IsUUID('all', SHAPE)
  event_id?: string;

  @IsOptional()
  @IsUUID('all', SHAPE)
  subscription_id?: string;

  @IsOptional()
  @IsRfc3339()
  min_created_at?: string;

  @IsOptional()
  @IsRfc3339()
  max_created_at?: string;

  /** Literal dotted name; a comma-separated list of event type names. */
  @IsOptional()
  @IsString(SHAPE)
  @MaxLength(20_000)
  @NoControlCharacters()
  'event.event_type_names'?: string;

  /** Extension: a comma-separated list of read-time status types (docs/api.md "Request attempts by status"). */
  @IsOptional()
  @Matches(ATTEMPT_STATUS_LIST, SHAPE)
  status?: string;

  @IsOptional()
  @IsString(SHAPE)
  @MaxLength(1_000)
  pagination_cursor?: string;
}

/** Filters carried over into the next page's link, in this order. */
export const CARRIED_FILTERS = [
  'application_id',
  'event_id',
  'subscription_id',
  'min_created_at',
  'max_created_at',
  'event.event_type_names',
  'status',
] as const;

export class RequestAttemptIdParamsDto {
  @IsUUID('all', SHAPE)
  request_attempt_id: string;
}
