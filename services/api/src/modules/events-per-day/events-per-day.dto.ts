import { IsOptional, IsUUID, registerDecorator, type ValidationOptions } from 'class-validator';
import { SHAPE } from '../../http/validators';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one), from year 1 on. */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendar = new Date(0);
  calendar.setUTCFullYear(year, month - 1, day);
  return year >= 1 && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
}

function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDay',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { ...SHAPE, message: '$property must be a date written YYYY-MM-DD', ...options },
      validator: { validate: isCalendarDay },
    });
}

export class EventsPerDayApplicationQueryDto {
  @IsUUID('all', SHAPE)
  application_id: string;

  @IsOptional()
  @IsCalendarDay()
  from?: string;

  @IsOptional()
  @IsCalendarDay()
  to?: string;
}

export class EventsPerDayOrganizationQueryDto {
  @IsUUID('all', SHAPE)
  organization_id: string;

  @IsOptional()
  @IsCalendarDay()
  from?: string;

  @IsOptional()
  @IsCalendarDay()
  to?: string;
}
