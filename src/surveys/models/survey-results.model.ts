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

  @Field(() => Int, {
    description:
      '送信済みのアンケートメールのうち、参加した人（参加登録済・出席）に送ったもの。回答率の分母。送信の後で欠席・キャンセルになった人の分は数えない',
  })
  sent: number;

  @Field(() => Int, {
    description: '回答数（参加した人＝参加登録済・出席の回答）。以下の集計と answers も同じ回答だけを数える',
  })
  responses: number;

  @Field(() => Int, {
    description:
      '集計から除いた回答の数：回答の後で欠席と記録された人・キャンセルした人の回答。回答は消さずに残り、出席に訂正すれば数えられる',
  })
  excludedResponses: number;

  @Field(() => Float, {
    nullable: true,
    description:
      '回答率を 0〜1 の割合で（responses ÷ sent。0.5 は 50%）。未送信なら null。報告と同じ % 表示は responseRatePercent',
  })
  responseRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      '回答率（%、小数1桁。responses ÷ sent × 100。報告の gainedOpportunitiesRate と同じ表し方）。未送信なら null',
  })
  responseRatePercent: number | null;

  @Field(() => Int, { description: '「受注機会の拡大につながった」と答えた数' })
  gainedOpportunities: number;

  @Field(() => Float, { nullable: true, description: '満足度の平均（回答がなければ null）' })
  satisfactionAverage: number | null;

  @Field(() => [SatisfactionCountModel], { description: '満足度 1〜5 それぞれの回答数' })
  satisfaction: SatisfactionCountModel[];

  @Field(() => [SurveyAnswerModel], { description: '集計に数える回答（新しい順）' })
  answers: SurveyAnswerModel[];
}
