import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDay, SHAPE } from '../../http/validators';

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
