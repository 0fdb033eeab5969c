import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { NoControlCharacters, SHAPE, StorableText } from '../../http/validators';

/** POST /register (docs/hook0-compatibility.md "Users and registration"). The password policy is checked by the service (400 PasswordTooShort/TooLong). */
export class RegisterDto {
  @IsString(SHAPE)
  @Length(1, 50)
  @NoControlCharacters()
  @StorableText()
  first_name: string;

  @IsString(SHAPE)
  @Length(1, 50)
  @NoControlCharacters()
  @StorableText()
  last_name: string;

  @IsString(SHAPE)
  @MaxLength(100)
  @IsEmail()
  email: string;

  @IsString(SHAPE)
  password: string;
}

export class LoginDto {
  @IsString(SHAPE)
  @MaxLength(320)
  @StorableText()
  email: string;

  @IsString(SHAPE)
  password: string;
}

export class PasswordChangeDto {
  @IsString(SHAPE)
  new_password: string;
}
