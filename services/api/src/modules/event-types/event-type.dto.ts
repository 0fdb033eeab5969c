import { IsString, IsUUID, Length } from 'class-validator';
import { NoControlCharacters, SHAPE } from '../../http/validators';

/** Three components, each 1–50 characters without control characters; dots are not refused (docs/hook0-compatibility.md "Event types"). */
export class EventTypePostDto {
  @IsUUID('all', SHAPE)
  application_id: string;

  @IsString(SHAPE)
  @Length(1, 50)
  @NoControlCharacters()
  service: string;

  @IsString(SHAPE)
  @Length(1, 50)
  @NoControlCharacters()
  resource_type: string;

  @IsString(SHAPE)
  @Length(1, 50)
  @NoControlCharacters()
  verb: string;
}

/** A name with control characters cannot exist, so it is a 404 like any other unknown name. */
export class EventTypeNameParamsDto {
  @IsString(SHAPE)
  @Length(1, 200)
  @NoControlCharacters()
  event_type_name: string;
}
