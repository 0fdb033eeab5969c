import { IsString, IsUUID, Length } from 'class-validator';
import { NoControlCharacters, SHAPE } from '../../http/validators';

export class OrganizationPostDto {
  @IsString(SHAPE)
  @Length(2, 50)
  @NoControlCharacters()
  name: string;
}

export class OrganizationIdParamsDto {
  @IsUUID('all', SHAPE)
  organization_id: string;
}
