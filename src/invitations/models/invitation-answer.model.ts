import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RegistrationStatus } from '../../registrations/registration-enums';

@ObjectType('InvitationAnswer', { description: '招待への回答の結果' })
export class InvitationAnswerModel {
  @Field(() => ID)
  registrationId: string;

  @Field(() => ID)
  eventId: string;

  @Field()
  eventTitle: string;

  @Field(() => RegistrationStatus, { description: 'REGISTERED・WAITLISTED（満席）・DECLINED' })
  status: RegistrationStatus;

  @Field({ description: 'false: 同じ回答がすでに記録されていた（何も変わっていない）' })
  changed: boolean;
}
