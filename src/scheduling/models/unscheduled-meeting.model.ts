import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ParticipantModel } from '../../participants/models/participant.model';
import type { UnscheduledWithParties } from '../scheduling.service';

@ObjectType('UnscheduledMeeting', { description: '配置できなかった面談申込と、その理由' })
export class UnscheduledMeetingModel {
  @Field(() => ID, { nullable: true })
  requestId: string | null;

  @Field(() => ID)
  participantAId: string;

  @Field(() => ID)
  participantBId: string;

  @Field(() => ParticipantModel, { nullable: true, description: '申込の一方（削除された参加者は null）' })
  participantA: ParticipantModel | null;

  @Field(() => ParticipantModel, { nullable: true, description: '申込のもう一方（削除された参加者は null）' })
  participantB: ParticipantModel | null;

  @Field({ description: 'NO_FREE_SLOT・MAX_MEETINGS_REACHED・NOT_ATTENDING など' })
  code: string;

  @Field({ description: '理由（日本語）' })
  reason: string;

  /** For staff, who see contact details and their own labels. */
  static from(entry: UnscheduledWithParties): UnscheduledMeetingModel {
    const person = (participant: UnscheduledWithParties['participantA']) =>
      participant ? ParticipantModel.from(participant, true) : null;
    return Object.assign(new UnscheduledMeetingModel(), {
      requestId: entry.requestId,
      participantAId: entry.participantAId,
      participantBId: entry.participantBId,
      participantA: person(entry.participantA),
      participantB: person(entry.participantB),
      code: entry.code,
      reason: entry.reason,
    });
  }
}
