import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { Connection } from '../../common/pagination/connection';
import { maySeeContact } from '../../participants/participant-access';
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

  @Field({ description: '申込先が回答（または申込し返し）に添えたメッセージ' })
  reply: string;

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

  /**
   * Contact details follow maySeeContact: the two sides agreed once the request is ACCEPTED, and
   * each side's details still need that side's consent.
   */
  static from(request: MeetingRequest, actor: Actor | undefined): MeetingRequestModel {
    const status = effectiveStatus(request);
    const agreed =
      status === MeetingRequestStatus.ACCEPTED &&
      actor?.kind === 'participant' &&
      [request.fromParticipantId, request.toParticipantId].includes(actor.participantId);
    return Object.assign(new MeetingRequestModel(), {
      id: request.id,
      eventId: request.eventId,
      status,
      message: request.message,
      reply: request.reply,
      from: MeetingPartyModel.from(
        request.fromParticipant,
        maySeeContact(actor, request.fromParticipant, agreed),
      ),
      to: MeetingPartyModel.from(request.toParticipant, maySeeContact(actor, request.toParticipant, agreed)),
      autoAccepted: request.autoAccepted,
      expiresAt: request.expiresAt,
      respondedAt: request.respondedAt,
      createdAt: request.createdAt,
    });
  }
}

export const MeetingRequestConnection = Connection(MeetingRequestModel, 'MeetingRequest');
