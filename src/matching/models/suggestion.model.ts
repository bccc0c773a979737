import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ParticipantModel } from '../../participants/models/participant.model';
import { ListedSuggestion } from '../suggestions.service';
import { SuggestionRequestModel } from './suggestion-request.model';

@ObjectType('Suggestion', { description: 'おすすめの面談相手と、その理由' })
export class SuggestionModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => ID, { description: 'おすすめを受け取る参加者' })
  participantId: string;

  @Field(() => ParticipantModel, { description: 'おすすめの相手（公開プロフィール）' })
  suggested: ParticipantModel;

  @Field(() => Int, { description: '順位（1が最上位）' })
  rank: number;

  @Field(() => Float, { description: '0〜1' })
  score: number;

  @Field(() => [String], { description: '理由（受け取る参加者の言語）' })
  reasons: string[];

  @Field()
  dismissed: boolean;

  @Field(() => SuggestionRequestModel, {
    nullable: true,
    description:
      'この二人の間の回答待ち・承諾済みの面談申込（どちら向きでも）。なければ、受け取る参加者の申込を相手が辞退したもの' +
      '（DECLINED: このイベントでは申し込み直せない）。null なら申し込める',
  })
  request: SuggestionRequestModel | null;

  @Field({
    description:
      'お二人ともイベントに参加登録中。false はどちらかが参加を取り消したもの（スタッフの一覧にのみ出る）',
  })
  bothRegistered: boolean;

  @Field(() => ID)
  runId: string;

  @Field()
  createdAt: Date;

  /** `showContact` is the caller's decision about the suggested person (see canSeeContact). */
  static from(
    { suggestion, request, bothRegistered }: ListedSuggestion,
    showContact: boolean,
  ): SuggestionModel {
    return Object.assign(new SuggestionModel(), {
      id: suggestion.id,
      eventId: suggestion.eventId,
      participantId: suggestion.participantId,
      suggested: ParticipantModel.from(suggestion.suggestedParticipant, showContact),
      rank: suggestion.rank,
      score: suggestion.score,
      reasons: suggestion.reasons,
      dismissed: suggestion.dismissed,
      request: request && Object.assign(new SuggestionRequestModel(), request),
      bothRegistered,
      runId: suggestion.runId,
      createdAt: suggestion.createdAt,
    });
  }
}
