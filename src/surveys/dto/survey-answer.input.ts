import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';

export const MAX_COMMENT_LENGTH = 2000;

/** Each rule's message for the question on the form, in Japanese and, for an English reader, English. */
const GAINED = {
  message: '受注機会の拡大につながったかを「はい」か「いいえ」で選んでください',
  context: { en: 'Please answer Yes or No: did the event open up new business opportunities for you?' },
};
const SATISFACTION = {
  message: '満足度を 1〜5 で選んでください',
  context: { en: 'Please choose how satisfied you were, from 1 to 5.' },
};

@InputType({ description: 'アンケートの回答' })
export class SurveyAnswerInput {
  @Field({ description: '受注機会の拡大につながったか' })
  @IsBoolean(GAINED)
  gainedOpportunities: boolean;

  @Field(() => Int, { description: '満足度 1（不満）〜 5（満足）' })
  @IsInt(SATISFACTION)
  @Min(1, SATISFACTION)
  @Max(5, SATISFACTION)
  satisfaction: number;

  @Field({ nullable: true, description: 'ご意見・ご感想' })
  @IsOptional()
  @MaxLength(MAX_COMMENT_LENGTH, {
    message: `ご意見は ${MAX_COMMENT_LENGTH} 文字以内で入力してください`,
    context: { en: `Please keep your comment within ${MAX_COMMENT_LENGTH} characters.` },
  })
  comment?: string;
}
