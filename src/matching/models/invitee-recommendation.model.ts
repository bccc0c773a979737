import { Field, Float, ObjectType } from '@nestjs/graphql';
import { ParticipantModel } from '../../participants/models/participant.model';

@ObjectType('InviteeRecommendation', { description: '招待をおすすめする参加者と、その理由' })
export class InviteeRecommendationModel {
  @Field(() => ParticipantModel)
  participant: ParticipantModel;

  @Field(() => Float, { description: '0〜1' })
  score: number;

  @Field(() => [String])
  reasons: string[];
}
