import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';

export const MAX_COMMENT_LENGTH = 2000;

@InputType({ description: 'アンケートの回答' })
export class SurveyAnswerInput {
  @Field({ description: '受注機会の拡大につながったか' })
  @IsBoolean({ message: '受注機会の拡大につながったかを「はい」か「いいえ」で選んでください' })
  gainedOpportunities: boolean;

  @Field(() => Int, { description: '満足度 1（不満）〜 5（満足）' })
  @IsInt({ message: '満足度を 1〜5 で選んでください' })
  @Min(1, { message: '満足度を 1〜5 で選んでください' })
  @Max(5, { message: '満足度を 1〜5 で選んでください' })
  satisfaction: number;

  @Field({ nullable: true, description: 'ご意見・ご感想' })
  @IsOptional()
  @MaxLength(MAX_COMMENT_LENGTH, { message: `ご意見は ${MAX_COMMENT_LENGTH} 文字以内で入力してください` })
  comment?: string;
}
