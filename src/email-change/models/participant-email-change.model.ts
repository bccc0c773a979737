import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ParticipantModel } from '../../participants/models/participant.model';

@ObjectType('ParticipantEmailChange', { description: 'メールアドレスの変更の結果' })
export class ParticipantEmailChangeModel {
  @Field(() => ParticipantModel)
  participant: ParticipantModel;

  @Field(() => Int, {
    description:
      '送信に失敗していたメールのうち、新しいアドレスにもう一度送る件数（期限の過ぎたものは送られません）',
  })
  resentEmails: number;
}
