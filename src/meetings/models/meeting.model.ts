import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { Connection } from '../../common/pagination/connection';
import { SessionMode } from '../../events/event-enums';
import { ParticipantModel } from '../../participants/models/participant.model';
import { maySeeContact } from '../../participants/participant-access';
import { Meeting } from '../meeting.entity';
import { MeetingStatus } from '../meeting-enums';
import { MeetingPartyModel } from './meeting-party.model';

@ObjectType('Meeting', {
  description:
    '面談（時間枠・テーブルに配置された合意済みの組み合わせ。商談枠のないイベントでは、成立と同時に会場内で会う面談になる）',
})
export class MeetingModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => ID)
  requestId: string;

  @Field(() => MeetingStatus)
  status: MeetingStatus;

  @Field(() => ID, { nullable: true, description: '商談枠。会場内の面談（atVenue）では null' })
  sessionId: string | null;

  @Field({ description: '商談枠の名前。会場内の面談では空' })
  sessionName: string;

  @Field(() => Int, { nullable: true, description: '商談枠内の時間枠番号（0始まり）。会場内の面談では null' })
  slotIndex: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'テーブル番号、またはブース方式では出展者のブース。会場内の面談では null',
  })
  table: string | null;

  @Field()
  atBooth: boolean;

  @Field({
    description:
      '商談枠のないイベント（サロンなど）の面談: 時間・テーブルを決めず、当日会場内で会う。startsAt・endsAt はイベントの開始・終了',
  })
  atVenue: boolean;

  @Field({ description: '時間枠の開始（会場内の面談ではイベントの開始）' })
  startsAt: Date;

  @Field({ description: '時間枠の終了（会場内の面談ではイベントの終了）' })
  endsAt: Date;

  @Field(() => Int, { description: 'iCalendar の SEQUENCE（公開後に移動・中止されるたびに増える）' })
  sequence: number;

  @Field({ description: '公開済み（参加者に通知済み。自動配置の再実行でも動かない）' })
  published: boolean;

  @Field(() => MeetingPartyModel)
  participantA: MeetingPartyModel;

  @Field(() => MeetingPartyModel)
  participantB: MeetingPartyModel;

  @Field(() => ParticipantModel, {
    nullable: true,
    description:
      '面談の相手: 当事者の参加者から見た、自分ではない側の公開プロフィール（連絡先は participantA・B と同じ規則で表示）。申込の向き（participantA が申込者）に関係なく相手を指します。スタッフには null',
  })
  other: ParticipantModel | null;

  @Field(() => [ID], { description: '不参加と記録された参加者' })
  noShowParticipantIds: string[];

  @Field(() => [ID], {
    nullable: true,
    description:
      'スタッフの面談一覧（meetings）でのみ: 面談スケジュールを、この面談が今の時間・テーブルにある状態で確認済みにした当事者（直前の変更を電話で伝える相手を知るため）。それ以外では null',
  })
  seenBy: string[] | null;

  /**
   * A live meeting means both sides agreed to meet (a cancelled one no longer does); whether the
   * viewer sees a side's contact details is still up to maySeeContact (that side's consent).
   */
  static from(meeting: Meeting, viewer: Actor | undefined): MeetingModel {
    const viewerSide =
      viewer?.kind === 'participant' &&
      [meeting.participantAId, meeting.participantBId].includes(viewer.participantId)
        ? viewer.participantId
        : null;
    const agreed = meeting.status !== MeetingStatus.CANCELLED && viewerSide !== null;
    // participantA is whoever asked, so for the person asked it is the other side, not "A".
    const other = viewerSide === meeting.participantAId ? meeting.participantB : meeting.participantA;
    return Object.assign(new MeetingModel(), {
      id: meeting.id,
      eventId: meeting.eventId,
      requestId: meeting.requestId,
      status: meeting.status,
      sessionId: meeting.sessionId,
      sessionName: meeting.session?.name ?? '',
      slotIndex: meeting.slotIndex,
      table: meeting.tableLabel,
      atBooth: meeting.session?.mode === SessionMode.BOOTHS,
      atVenue: meeting.sessionId === null,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      sequence: meeting.sequence,
      published: meeting.publishedAt !== null,
      participantA: MeetingPartyModel.from(
        meeting.participantA,
        maySeeContact(viewer, meeting.participantA, agreed),
      ),
      participantB: MeetingPartyModel.from(
        meeting.participantB,
        maySeeContact(viewer, meeting.participantB, agreed),
      ),
      other: viewerSide ? ParticipantModel.from(other, maySeeContact(viewer, other, agreed), false) : null,
      seenBy: null,
      noShowParticipantIds: (meeting.sides ?? [])
        .filter((side) => side.noShow)
        .map((side) => side.participantId),
    });
  }
}

export const MeetingConnection = Connection(MeetingModel, 'Meeting');
