import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Actor, isStaff } from '../../auth/actor';
import { MeetingRequestStatus } from '../meeting-enums';
import { MeetingRequest } from '../meeting-request.entity';
import { effectiveStatus } from '../meeting-requests.service';
import { MeetingPartyModel } from './meeting-party.model';

@ObjectType('MeetingRequest', { description: '面談申込' })
export class MeetingRequestModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => MeetingRequestStatus)
  status: MeetingRequestStatus;

  @Field()
  message: string;

  @Field(() => MeetingPartyModel, { description: '申込者' })
  from: MeetingPartyModel;

  @Field(() => MeetingPartyModel, { description: '申込先' })
  to: MeetingPartyModel;

  @Field({ description: '申込と同時に成立した（イベント設定による自動承諾）' })
  autoAccepted: boolean;

  @Field(() => Date, { nullable: true, description: '回答期限' })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  respondedAt: Date | null;

  @Field()
  createdAt: Date;

  /** Contact details: staff and the person themself always; the other side once both agreed. */
  static from(request: MeetingRequest, actor: Actor | undefined): MeetingRequestModel {
    const status = effectiveStatus(request);
    const agreed = status === MeetingRequestStatus.ACCEPTED;
    const sees = (participantId: string) =>
      isStaff(actor) ||
      (actor?.kind === 'participant' &&
        (actor.participantId === participantId ||
          (agreed && [request.fromParticipantId, request.toParticipantId].includes(actor.participantId))));
    return Object.assign(new MeetingRequestModel(), {
      id: request.id,
      eventId: request.eventId,
      status,
      message: request.message,
      from: MeetingPartyModel.from(request.fromParticipant, sees(request.fromParticipantId)),
      to: MeetingPartyModel.from(request.toParticipant, sees(request.toParticipantId)),
      autoAccepted: request.autoAccepted,
      expiresAt: request.expiresAt,
      respondedAt: request.respondedAt,
      createdAt: request.createdAt,
    });
  }
}
