import { Field, InputType } from '@nestjs/graphql';
import { IsBase64, IsOptional, IsString, MaxLength } from 'class-validator';

const MAX_FILE_CHARS = 20 * 1024 * 1024;

@InputType({
  description:
    'CSV の中身: テキスト（csv）か、ファイルのバイト列を Base64 にしたもの（fileBase64, Shift_JIS 可）',
})
export class ImportParticipantsInput {
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
