import { Field, ObjectType } from '@nestjs/graphql';
import { OrganizationModel } from '../../organizations/models/organization.model';
import { ParticipantModel } from '../../participants/models/participant.model';
import { UserModel } from '../../users/models/user.model';
import { Role } from '../actor';

@ObjectType('Me', { description: 'ログイン中の本人' })
export class MeModel {
  @Field(() => Role)
  role: Role;

  @Field(() => UserModel, { nullable: true, description: 'スタッフの場合' })
  user: UserModel | null;

  @Field(() => OrganizationModel, { nullable: true })
  organization: OrganizationModel | null;

  @Field(() => ParticipantModel, { nullable: true, description: '参加者の場合' })
  participant: ParticipantModel | null;
}
