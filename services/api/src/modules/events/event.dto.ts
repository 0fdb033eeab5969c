import { IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsRfc3339, IsStringMap, NoControlCharacters, SHAPE, StorableText, StringMapLimits } from '../../http/validators';

export const MAX_PAYLOAD_CHARACTERS = 699_050;

export class EventPostDto {
  @IsUUID('all', SHAPE)
  application_id: string;

  @IsOptional()
  @IsUUID('all', SHAPE)
  event_id?: string | null;

  @IsString(SHAPE)
  @Length(1, 200)
  @NoControlCharacters()
  event_type: string;

  @IsString(SHAPE)
  @MaxLength(MAX_PAYLOAD_CHARACTERS)
  payload: string;

  @IsString(SHAPE)
  @Length(1, 100)
  payload_content_type: string;

  @IsOptional()
  @IsStringMap()
  @StringMapLimits({ minEntries: 0, maxEntries: 50, minLength: 1, maxLength: 50 })
  @StorableText()
  metadata?: Record<string, string> | null;

  @IsRfc3339()
  occurred_at: string;

  @IsStringMap()
  @StringMapLimits({ minEntries: 1, maxEntries: 10, minLength: 1, maxLength: 50 })
  @StorableText()
  labels: Record<string, string>;
}

export class ApplicationQueryDto {
  @IsUUID('all', SHAPE)
  application_id: string;
}

export class EventIdParamsDto {
  @IsUUID('all', SHAPE)
  event_id: string;
}
