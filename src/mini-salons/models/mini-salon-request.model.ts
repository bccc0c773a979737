import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection';
import { organizationNameFor } from '../../organizations/organization-name';
import { miniSalonRequestStatusLabel, MiniSalonRequestStatus } from '../mini-salon-enums';
import { MiniSalonRequest } from '../mini-salon-request.entity';

@ObjectType('MiniSalonRequest', { description: 'ミニサロン開催要望' })
export class MiniSalonRequestModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  organizationId: string;

  @Field({ description: '要望先の団体（言語設定が英語の要望者には、あれば英語の団体名）' })
  organizationName: string;

  @Field(() => ID)
  requestedById: string;

  @Field({ description: '要望した参加者' })
  requestedByName: string;

  @Field(() => String, { nullable: true, description: '要望した参加者の事業者' })
  requestedByCompany: string | null;

  @Field(() => String, { nullable: true })
  groupName: string | null;

  @Field()
  theme: string;

  @Field()
  area: string;

  @Field({ description: 'YYYY-MM-DD' })
  preferredFrom: string;

  @Field({ description: 'YYYY-MM-DD' })
  preferredTo: string;

  @Field(() => Int)
  expectedParticipants: number;

  @Field()
  message: string;

  @Field(() => MiniSalonRequestStatus)
  status: MiniSalonRequestStatus;

  @Field({
    description:
      '検討中・開催決定・見送り・取り下げ（開催決定のイベントがその後中止になれば「開催決定（のち中止）」）。' +
      '言語設定が英語の要望者には英語（Under consideration, Accepted (later cancelled) など）',
  })
  statusLabel: string;

  @Field({ description: '見送りの理由（要望者に伝えたもの）' })
  declineReason: string;

  @Field(() => ID, { nullable: true, description: '開催決定で作られたイベント（下書き）' })
  eventId: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field()
  createdAt: Date;

  /**
   * `request` with its organisation and requester (and company) loaded; `locale` is the reader's
   * (ja for staff).
   */
  static from(request: MiniSalonRequest, locale: 'ja' | 'en' = 'ja'): MiniSalonRequestModel {
    return Object.assign(new MiniSalonRequestModel(), {
      id: request.id,
      organizationId: request.organizationId,
      organizationName: organizationNameFor(request.organization, locale),
      requestedById: request.requestedById,
      requestedByName: request.requestedBy.name,
      requestedByCompany: request.requestedBy.company?.name ?? null,
      groupName: request.groupName,
      theme: request.theme,
      area: request.area,
      preferredFrom: request.preferredFrom,
      preferredTo: request.preferredTo,
      expectedParticipants: request.expectedParticipants,
      message: request.message,
      status: request.status,
      statusLabel: miniSalonRequestStatusLabel(request, locale),
      declineReason: request.declineReason,
      eventId: request.eventId,
      decidedAt: request.decidedAt,
      createdAt: request.createdAt,
    });
  }
}

export const MiniSalonRequestConnection = Connection(MiniSalonRequestModel, 'MiniSalonRequest');
