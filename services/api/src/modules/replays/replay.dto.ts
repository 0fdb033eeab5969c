import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsRfc3339, NoControlCharacters, SHAPE } from '../../http/validators';

export const REPLAY_ATTEMPT_STATUSES = ['failed', 'exhausted', 'any'] as const;

/** `POST /replays` (docs/api.md "Replays"). */
export class ReplayCreateDto {
  @IsUUID('all', SHAPE)
  application_id: string;

  /** Events received at or after `from` and before `to`. */
  @IsRfc3339()
  from: string;

  @IsRfc3339()
  to: string;

  @IsOptional()
  @IsArray(SHAPE)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { ...SHAPE, each: true })
  subscription_ids?: string[];

  @IsOptional()
  @IsArray(SHAPE)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ ...SHAPE, each: true })
  @MaxLength(200, { each: true })
  @NoControlCharacters({ each: true })
  event_types?: string[];

  @IsOptional()
  @IsIn(REPLAY_ATTEMPT_STATUSES)
  status?: (typeof REPLAY_ATTEMPT_STATUSES)[number];

  @IsOptional()
  @IsBoolean(SHAPE)
  dry_run?: boolean;
}

export class ReplayIdParamsDto {
  @IsUUID('all', SHAPE)
  replay_id: string;
}
