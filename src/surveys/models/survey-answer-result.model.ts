import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('SurveyAnswerResult')
export class SurveyAnswerResultModel {
  @Field()
  eventTitle: string;

  @Field({ description: '初めての回答なら false、以前の回答を書き換えたなら true' })
  updated: boolean;
}
