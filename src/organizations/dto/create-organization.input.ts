import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, Matches, MaxLength } from 'class-validator';
import { RequiredText } from '../../common/validation/required-text';
import { IsCorporateNumber, IsMunicipality } from '../../common/japan/japan.validators';
import { OrganizationKind } from '../organization-kind';

@InputType()
export class CreateOrganizationInput {
  @Field()
  @RequiredText('団体名')
  @MaxLength(200)
  name: string;

  @Field(() => String, {
    nullable: true,
    description: '英語の団体名（言語設定が英語の参加者へのメール・ページに使う。なければ日本語の団体名）',
  })
  @IsOptional()
  @MaxLength(200)
  nameEn?: string | null;

  @Field(() => OrganizationKind)
  @IsEnum(OrganizationKind)
  kind: OrganizationKind;

  @Field({ description: '所在地（例: 東京都葛飾区）' })
  @IsMunicipality()
  municipality: string;

  @Field(() => String, { nullable: true, description: '法人番号（13桁）' })
  @IsOptional()
  @IsCorporateNumber()
  corporateNumber?: string;

  @Field(() => String, {
    nullable: true,
    description: '住所（例: 〒125-0062 東京都葛飾区青戸7-2-1）。イベントのメールの末尾に表示します',
  })
  @IsOptional()
  @MaxLength(300)
  address?: string;

  @Field(() => String, {
    nullable: true,
    description:
      '英語の住所（例: 7-2-1 Aoto, Katsushika City, Tokyo 125-0062）。言語設定が英語の参加者へのメールの末尾に表示します（なければ日本語の住所）',
  })
  @IsOptional()
  @MaxLength(300)
  addressEn?: string;

  @Field(() => String, {
    nullable: true,
    description: '問い合わせ先メールアドレス。イベントのメールの返信先（Reply-To）になります',
  })
  @IsOptional()
  @IsEmail({}, { message: 'メールアドレスの形式が正しくありません' })
  @MaxLength(254)
  contactEmail?: string;

  @Field(() => String, { nullable: true, description: '問い合わせ先電話番号' })
  @IsOptional()
  @Matches(/^[0-9０-９+＋()（）\-－ー\s]{6,20}$/u, { message: '電話番号の形式が正しくありません' })
  contactPhone?: string;
}
