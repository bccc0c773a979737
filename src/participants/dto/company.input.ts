import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, MaxLength, Min } from 'class-validator';
import { RequiredText } from '../../common/validation/required-text';
import { IsCorporateNumber, IsJsicCode, IsMunicipality } from '../../common/japan/japan.validators';

@InputType()
export class CompanyInput {
  @Field({ description: '事業者名' })
  @RequiredText('事業者名')
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true, description: '法人番号（13桁）' })
  @IsOptional()
  @IsCorporateNumber()
  corporateNumber?: string | null;

  @Field(() => String, { nullable: true, description: '日本標準産業分類 大分類（A〜T）' })
  @IsOptional()
  @IsJsicCode()
  industry?: string | null;

  @Field(() => String, { nullable: true, description: '所在地（例: 東京都葛飾区）' })
  @IsOptional()
  @IsMunicipality()
  municipality?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: '従業員数は0以上で入力してください' })
  employees?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  description?: string | null;
}
