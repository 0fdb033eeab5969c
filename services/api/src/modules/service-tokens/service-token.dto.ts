import { IsString, IsUUID, Length } from 'class-validator';
import { NoControlCharacters, SHAPE, StorableText } from '../../http/validators';

export class ServiceTokenPostDto {
  @IsUUID('all', SHAPE)
  organization_id: string;

  @IsString(SHAPE)
  @Length(1, 50)
  @NoControlCharacters()
  @StorableText()
  name: string;
}

export class ServiceTokenQueryDto {
  @IsUUID('all', SHAPE)
  organization_id: string;
}

export class ServiceTokenIdParamsDto {
  @IsUUID('all', SHAPE)
  token_id: string;
}
