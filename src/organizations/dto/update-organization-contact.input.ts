import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, Matches, MaxLength } from 'class-validator';

/**
 * The contact shown in the footer of the organisation's event emails (特定電子メール法: name,
 * address and a contact point), and the name and address English readers get. A field left out
 * stays as it is; null clears it.
 */
@InputType()
export class UpdateOrganizationContactInput {
  @Field(() => String, { nullable: true, description: '英語の団体名（言語設定が英語の参加者向け）' })
  @IsOptional()
  @MaxLength(200)
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: '住所（例: 〒125-0062 東京都葛飾区青戸7-2-1）' })
  @IsOptional()
  @MaxLength(300)
  address?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '英語の住所（言語設定が英語の参加者向け。住所だけを変えると消える）',
  })
  @IsOptional()
  @MaxLength(300)
  addressEn?: string | null;

  @Field(() => String, { nullable: true, description: '問い合わせ先メールアドレス（メールの返信先）' })
  @IsOptional()
  @IsEmail({}, { message: 'メールアドレスの形式が正しくありません' })
  @MaxLength(254)
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: '問い合わせ先電話番号' })
  @IsOptional()
  @Matches(/^[0-9０-９+＋()（）\-－ー\s]{6,20}$/u, { message: '電話番号の形式が正しくありません' })
  contactPhone?: string | null;
}
