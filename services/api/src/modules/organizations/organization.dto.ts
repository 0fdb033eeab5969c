import { IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { NoControlCharacters, SHAPE, StorableText } from '../../http/validators';

export class OrganizationPostDto {
  @IsString(SHAPE)
  @Length(2, 50)
  @NoControlCharacters()
  @StorableText()
  name: string;
}

export class OrganizationIdParamsDto {
  @IsUUID('all', SHAPE)
  organization_id: string;
}

/** POST /organizations/{id}/invite. An unknown role is 400 InvalidRole (checked by the service, as Hook0 does). */
export class InvitePostDto {
  @IsString(SHAPE)
  @MaxLength(320)
  @StorableText()
  email: string;

  @IsString(SHAPE)
  role: string;
}

export class InvitePutDto {
  @IsUUID('all', SHAPE)
  user_id: string;

  @IsString(SHAPE)
  role: string;
}

export class InviteDeleteDto {
  @IsUUID('all', SHAPE)
  user_id: string;
}
