import { IsUUID } from 'class-validator';
import { SHAPE } from './validators';

/** `?application_id=` (required), the scope of most Hook0 reads and deletes. */
export class ApplicationQueryDto {
  @IsUUID('all', SHAPE)
  application_id: string;
}
