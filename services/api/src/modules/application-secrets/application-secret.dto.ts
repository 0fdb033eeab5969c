import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { SHAPE, StorableText } from '../../http/validators';

export class ApplicationSecretPostDto {
  @IsUUID('all', SHAPE)
  application_id: string;

  @IsOptional()
  @IsString(SHAPE)
  @MaxLength(50)
  @StorableText()
  name?: string | null;
}

export class ApplicationSecretTokenParamsDto {
  @IsUUID('all', SHAPE)
  token: string;
}
