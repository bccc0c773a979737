import { ArgsType, Field } from '@nestjs/graphql';
import { IsBase64, IsOptional, IsString, MaxLength } from 'class-validator';

const MAX_FILE_CHARS = 20 * 1024 * 1024;

/**
 * `importParticipants(csv)` as the public contract names it: the CSV as text, or instead the file's
 * bytes as Base64 (`fileBase64`, Shift_JIS allowed).
 */
@ArgsType()
export class ImportParticipantsArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FILE_CHARS)
  csv?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBase64({}, { message: 'fileBase64 は Base64 で指定してください' })
  @MaxLength(MAX_FILE_CHARS)
  fileBase64?: string;
}
