import { Field, ObjectType } from '@nestjs/graphql';
import { ParticipantModel } from '../../participants/models/participant.model';
import { UserModel } from '../../users/models/user.model';
import { Role } from '../actor';

@ObjectType('Session', { description: 'ログイン結果: Authorization: Bearer <token> で使う' })
export class SessionModel {
  @Field()
  token: string;

  @Field(() => Role)
  role: Role;

  @Field(() => UserModel, { nullable: true })
  user: UserModel | null;

  @Field(() => ParticipantModel, { nullable: true })
  participant: ParticipantModel | null;
}
