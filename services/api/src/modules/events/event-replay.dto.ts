import { IsUUID } from 'class-validator';
import { SHAPE } from '../../http/validators';

export class EventReplayDto {
  @IsUUID('all', SHAPE)
  application_id: string;
}
