import { IsOptional, IsString, MaxLength } from 'class-validator';
import { SHAPE } from '../../http/validators';

export class HealthQueryDto {
  @IsOptional()
  @IsString(SHAPE)
  @MaxLength(1_000)
  key?: string;
}
