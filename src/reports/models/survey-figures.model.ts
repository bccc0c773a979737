import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

/** アンケート figures: the programme's 受注機会の拡大 and 満足度, for a year or for one event. */
@ObjectType({ isAbstract: true })
export abstract class SurveyFiguresModel {
  @Field(() => Int, {
    description:
      '回答数：参加した人（参加登録済・出席）の回答。回答の後で欠席と記録された人・キャンセルした人の回答は数えない（以下の割合・平均も同じ）',
  })
  responses: number;

  @Field(() => Int, { description: '「受注機会の拡大につながった」と答えた数' })
  gainedOpportunities: number;

  /**
   * The share that 施策の指標 name (台東区:「受注機会の拡大が図られた」と回答した企業の割合, 目標 50%),
   * so staff read it as reported rather than dividing two figures by hand.
   */
  @Field(() => Float, {
    nullable: true,
    description:
      '「受注機会の拡大につながった」と答えた割合（%、小数1桁。gainedOpportunities ÷ responses）。回答がなければ null',
  })
  gainedOpportunitiesRate: number | null;

  @Field(() => Float, { nullable: true, description: '満足度の平均（1〜5。回答がなければ null）' })
  satisfactionAverage: number | null;
}
