import { Field, Float, InputType } from '@nestjs/graphql';
import { IsBoolean, IsNumber, IsOptional, Max, Min } from 'class-validator';

/** Only the fields given change; `null` returns a setting to the engine's default. */
@InputType()
export class MatchingSettingsInput {
  @Field(() => Float, {
    nullable: true,
    description: '異業種の組み合わせのスコアを何割上げるか（0〜1、既定 0.1、0 で無効）',
  })
  @IsOptional()
  @IsNumber({}, { message: 'crossIndustryBonus は数値で指定してください' })
  @Min(0, { message: 'crossIndustryBonus は 0〜1 の範囲で指定してください' })
  @Max(1, { message: 'crossIndustryBonus は 0〜1 の範囲で指定してください' })
  crossIndustryBonus?: number | null;

  @Field(() => Boolean, { nullable: true, description: '出展者同士をおすすめするか（既定: しない）' })
  @IsOptional()
  @IsBoolean()
  allowExhibitorPairs?: boolean | null;
}
