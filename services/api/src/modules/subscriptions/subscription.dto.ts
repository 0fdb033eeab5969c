import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SUBSCRIPTION_MAX_RETRIES } from '@hook0/core';
import { IsStringMap, NoControlCharacters, SHAPE, StorableText, StringMapLimits } from '../../http/validators';
import { HeaderMapLimits, IsHeaderMap, IsHttpUrl, IsRetryDelay, NoForbiddenHeaders } from './subscription.validators';

/** Checked case-sensitively, as Hook0 does before upper-casing: `post` is a 422. */
export const TARGET_METHODS = ['GET', 'PATCH', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD'] as const;

export class HttpTargetDto {
  @Equals('http', { ...SHAPE, message: 'type must be "http"' })
  type: 'http';

  @IsString(SHAPE)
  @IsIn(TARGET_METHODS)
  method: string;

  @IsString(SHAPE)
  @IsHttpUrl()
  @MaxLength(1000)
  url: string;

  @IsHeaderMap()
  @HeaderMapLimits()
  @NoForbiddenHeaders()
  headers: Record<string, string>;
}

/** `SubscriptionPost` (docs/hook0-compatibility.md "Subscriptions"), used by POST and PUT, plus this project's retry extension (docs/hook0-compatibility.md "Subscriptions"). */
export class SubscriptionPostDto {
  @IsUUID('all', SHAPE)
  application_id: string;

  @IsBoolean(SHAPE)
  is_enabled: boolean;

  @IsArray(SHAPE)
  @IsString({ ...SHAPE, each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Length(1, 200, { each: true })
  @NoControlCharacters({ each: true })
  event_types: string[];

  @IsOptional()
  @IsString(SHAPE)
  @Length(1, 100)
  @StorableText()
  description?: string | null;

  @IsOptional()
  @IsStringMap()
  @StringMapLimits({ minEntries: 0, maxEntries: 50, minLength: 1, maxLength: 50 })
  @StorableText()
  metadata?: Record<string, string> | null;

  @IsOptional()
  @IsStringMap()
  @StringMapLimits({ minEntries: 1, maxEntries: 10, minLength: 1, maxLength: 50 })
  @StorableText()
  labels?: Record<string, string> | null;

  @IsOptional()
  @IsString(SHAPE)
  @Length(1, 100)
  @NoControlCharacters()
  label_key?: string | null;

  @IsOptional()
  @IsString(SHAPE)
  @Length(1, 100)
  @NoControlCharacters()
  label_value?: string | null;

  /** Declared as HttpTargetDto, so validateInput instantiates it (http/dto-instance.ts). */
  @IsObject(SHAPE)
  @ValidateNested()
  target: HttpTargetDto;

  @IsOptional()
  @IsArray(SHAPE)
  @IsString({ ...SHAPE, each: true })
  @ArrayMaxSize(20)
  dedicated_workers?: string[] | null;

  @IsOptional()
  @IsArray(SHAPE)
  @IsString({ ...SHAPE, each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsRetryDelay({ each: true })
  retry_schedule?: string[] | null;

  @IsOptional()
  @IsInt(SHAPE)
  @Min(0)
  @Max(SUBSCRIPTION_MAX_RETRIES)
  max_retries?: number | null;

  /** Extension (docs/guarantees.md, "Fair delivery"): deliveries in flight at once, across all dispatchers; null = instance default. */
  @IsOptional()
  @IsInt(SHAPE)
  @Min(1)
  @Max(1000)
  max_in_flight?: number | null;

  /** Extension: deliveries started per second, across all dispatchers; null = no limit. */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, SHAPE)
  @Min(0.01)
  @Max(10_000)
  max_deliveries_per_second?: number | null;
}

export class SubscriptionIdParamsDto {
  @IsUUID('all', SHAPE)
  subscription_id: string;
}
