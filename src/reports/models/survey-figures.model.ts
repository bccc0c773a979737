import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

/** アンケート figures: the programme's 受注機会の拡大 and 満足度, for a year or for one event. */
@ObjectType({ isAbstract: true })
export abstract class SurveyFiguresModel {
  @Field(() => Int, { description: '回答数' })
  responses: number;

  @Field(() => Int, { description: '「受注機会の拡大につながった」と答えた数' })
  gainedOpportunities: number;

  @Field(() => Float, { nullable: true, description: '満足度の平均（1〜5。回答がなければ null）' })
  satisfactionAverage: number | null;
}
