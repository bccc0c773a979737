import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowStaff, CurrentActor, Public } from '../auth/access.decorators';
import { Actor, StaffActor } from '../auth/actor';
import { SurveyAnswerInput } from './dto/survey-answer.input';
import { SurveyAnswerResultModel } from './models/survey-answer-result.model';
import { SurveyResultsModel } from './models/survey-results.model';
import { SurveySendResultModel } from './models/survey-send-result.model';
import { SurveysService } from './surveys.service';

@Resolver()
export class SurveysResolver {
  constructor(private readonly surveys: SurveysService) {}

  @Mutation(() => SurveySendResultModel, {
    description: '終了したイベントの参加者にアンケートを送る（二度目は未送信の人にだけ）',
  })
  @AllowStaff()
  sendSurvey(
    @CurrentActor() actor: StaffActor,
    @Args('eventId', { type: () => ID }) eventId: string,
  ): Promise<SurveySendResultModel> {
    return this.surveys.send(actor, eventId);
  }

  @Mutation(() => SurveyAnswerResultModel, {
    description: 'メールのリンクからアンケートに回答する（修正も可）',
  })
  @Public()
  submitSurvey(
    @Args('token') token: string,
    @Args('input') input: SurveyAnswerInput,
  ): Promise<SurveyAnswerResultModel> {
    return this.surveys.submit(token, input);
  }

  @Query(() => SurveyResultsModel, { description: 'アンケートの集計と回答（主催・共催のスタッフ）' })
  @AllowStaff()
  surveyResults(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
  ): Promise<SurveyResultsModel> {
    return this.surveys.results(actor, eventId);
  }
}
