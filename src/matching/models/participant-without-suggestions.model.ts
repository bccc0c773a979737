import { Field, ObjectType } from '@nestjs/graphql';
import { ParticipantModel } from '../../participants/models/participant.model';
import { UnmatchedReason } from '../unmatched-reason';

@ObjectType('ParticipantWithoutSuggestions', {
  description: 'おすすめが1件もない参加者（スタッフが手で組み合わせる候補）',
})
export class ParticipantWithoutSuggestionsModel {
  @Field(() => ParticipantModel)
  participant: ParticipantModel;

  @Field(() => Date, { nullable: true, description: '参加登録した日時' })
  registeredAt: Date | null;

  @Field(() => UnmatchedReason)
  reason: UnmatchedReason;

  @Field({ description: '理由（日本語）' })
  reasonLabel: string;
}
