import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { SurveyResponse } from '../survey-response.entity';

@ObjectType('SatisfactionCount')
export class SatisfactionCountModel {
  @Field(() => Int, { description: '満足度 1〜5' })
  score: number;

  @Field(() => Int)
  count: number;
}

@ObjectType('SurveyAnswer', { description: '一人分の回答' })
export class SurveyAnswerModel {
  @Field(() => ID)
  participantId: string;

  @Field()
  participantName: string;

  @Field(() => String, { nullable: true })
  companyName: string | null;

  @Field()
  gainedOpportunities: boolean;

  @Field(() => Int)
  satisfaction: number;

  @Field()
  comment: string;

  @Field({ description: '最後に回答・修正した日時' })
  answeredAt: Date;

  /** `response` with its participant (and company) loaded. */
  static from(response: SurveyResponse): SurveyAnswerModel {
    return Object.assign(new SurveyAnswerModel(), {
      participantId: response.participantId,
      participantName: response.participant.name,
      companyName: response.participant.company?.name ?? null,
      gainedOpportunities: response.gainedOpportunities,
      satisfaction: response.satisfaction,
      comment: response.comment,
      answeredAt: response.updatedAt,
    });
  }
}

@ObjectType('SurveyResults', { description: 'アンケートの集計と回答（スタッフ）' })
export class SurveyResultsModel {
  @Field(() => ID)
  eventId: string;

  @Field(() => Int, { description: '送信済みのアンケートメール' })
  sent: number;

  @Field(() => Int, { description: '回答数' })
  responses: number;

  @Field(() => Float, { nullable: true, description: '回答率（回答数 ÷ 送信済み）。未送信なら null' })
  responseRate: number | null;

  @Field(() => Int, { description: '「受注機会の拡大につながった」と答えた数' })
  gainedOpportunities: number;

  @Field(() => Float, { nullable: true, description: '満足度の平均（回答がなければ null）' })
  satisfactionAverage: number | null;

  @Field(() => [SatisfactionCountModel], { description: '満足度 1〜5 それぞれの回答数' })
  satisfaction: SatisfactionCountModel[];

  @Field(() => [SurveyAnswerModel], { description: '回答（新しい順）' })
  answers: SurveyAnswerModel[];
}
