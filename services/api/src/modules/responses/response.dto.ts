import { IsUUID } from 'class-validator';
import { SHAPE } from '../../http/validators';

export class ResponseIdParamsDto {
  @IsUUID('all', SHAPE)
  response_id: string;
}
