import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('UnscheduledMeeting', { description: '配置できなかった面談申込と、その理由' })
export class UnscheduledMeetingModel {
  @Field(() => ID, { nullable: true })
  requestId: string | null;

  @Field(() => ID)
  participantAId: string;

  @Field(() => ID)
  participantBId: string;

  @Field({ description: 'NO_FREE_SLOT・MAX_MEETINGS_REACHED・NOT_ATTENDING など' })
  code: string;

  @Field({ description: '理由（日本語）' })
  reason: string;
}
