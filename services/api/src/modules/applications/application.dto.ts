import { IsString, IsUUID, Length } from 'class-validator';
import { NoControlCharacters, SHAPE } from '../../http/validators';

export class ApplicationPostDto {
  @IsUUID('all', SHAPE)
  organization_id: string;

  @IsString(SHAPE)
  @Length(2, 50)
  @NoControlCharacters()
  name: string;
}

export class OrganizationQueryDto {
  @IsUUID('all', SHAPE)
  organization_id: string;
}

export class ApplicationIdParamsDto {
  @IsUUID('all', SHAPE)
  application_id: string;
}
