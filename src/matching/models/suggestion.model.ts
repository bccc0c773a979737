import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ParticipantModel } from '../../participants/models/participant.model';
import { Suggestion } from '../suggestion.entity';

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

  @Field(() => ID)
  runId: string;

  @Field()
  createdAt: Date;

  /** `showContact` is the caller's decision about the suggested person (see canSeeContact). */
  static from(suggestion: Suggestion, showContact: boolean): SuggestionModel {
    return Object.assign(new SuggestionModel(), {
      id: suggestion.id,
      eventId: suggestion.eventId,
      participantId: suggestion.participantId,
      suggested: ParticipantModel.from(suggestion.suggestedParticipant, showContact),
      rank: suggestion.rank,
      score: suggestion.score,
      reasons: suggestion.reasons,
      dismissed: suggestion.dismissed,
      runId: suggestion.runId,
      createdAt: suggestion.createdAt,
    });
  }
}
