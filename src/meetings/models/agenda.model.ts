import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ParticipantModel } from '../../participants/models/participant.model';
import { maySeeContact } from '../../participants/participant-access';
import type { AgendaSlot } from '../agenda-changes';
import type { AgendaComparison } from '../agenda-views.service';
import type { ParticipantAgenda, UnscheduledAgendaEntry } from '../agenda.service';
import { MeetingStatus } from '../meeting-enums';
import { MeetingModel } from './meeting.model';

export enum AgendaChangeKind {
  ADDED = 'ADDED',
  CHANGED = 'CHANGED',
  REMOVED = 'REMOVED',
}

registerEnumType(AgendaChangeKind, {
  name: 'AgendaChangeKind',
  description: '追加・変更（時間かテーブル）・取り消し',
});

@ObjectType('AgendaChange', {
  description:
    '前回スケジュールを確認した時からの変更 1件（メールの【追加】【変更】・取り消しになった面談と同じ）',
})
export class AgendaChangeModel {
  @Field(() => AgendaChangeKind)
  kind: AgendaChangeKind;

  @Field(() => ID, { description: '面談申込の ID' })
  requestId: string;

  @Field(() => ID, {
    nullable: true,
    description:
      '面談の ID（取り消しは、取り消された面談）。会場内の面談（商談枠のないイベント）ではその面談の ID、時間が未定の面談の追加・取り消しでは null',
  })
  meetingId: string | null;

  @Field(() => Date, {
    nullable: true,
    description: '変更・取り消し前の開始日時（時間が未定だった場合は null）',
  })
  previousStartsAt: Date | null;

  @Field(() => Date, { nullable: true })
  previousEndsAt: Date | null;

  @Field(() => String, { nullable: true, description: '変更・取り消し前のテーブル、またはブース' })
  previousTable: string | null;

  @Field(() => Boolean, { nullable: true })
  previousAtBooth: boolean | null;

  @Field(() => ParticipantModel, {
    nullable: true,
    description:
      '面談の相手（公開プロフィール）。追加・変更では meetings・unscheduled の other と同じ（連絡先は開示に同意した場合のみ）、取り消しになった面談では連絡先なし。取り消しの相手が削除済みなら null',
  })
  other: ParticipantModel | null;

  /**
   * The other side of an added or moved meeting as meetings[] and unscheduled[] show it, so a
   * screen listing the changes alone can say whom each is with.
   */
  static list(reading: ParticipantAgenda & AgendaComparison, viewer: Actor): AgendaChangeModel[] {
    const changes = reading.changes;
    if (!changes) return [];
    const change = (
      kind: AgendaChangeKind,
      ids: { requestId: string; meetingId: string | null },
      before: AgendaSlot | null,
      other: ParticipantModel | null = null,
    ) =>
      Object.assign(new AgendaChangeModel(), {
        kind,
        ...ids,
        previousStartsAt: before?.startsAt ?? null,
        previousEndsAt: before?.endsAt ?? null,
        previousTable: before?.table ?? null,
        previousAtBooth: before?.booth ?? null,
        other,
      });
    return [
      ...reading.meetings.flatMap((meeting) => {
        const mark = changes.meetings.get(meeting.id);
        if (!mark) return [];
        const ids = { requestId: meeting.requestId, meetingId: meeting.id };
        const { other } = MeetingModel.from(meeting, viewer);
        return mark.kind === 'ADDED'
          ? [change(AgendaChangeKind.ADDED, ids, null, other)]
          : [change(AgendaChangeKind.CHANGED, ids, mark.before, other)];
      }),
      ...reading.unscheduled
        .filter(({ request }) => changes.addedUnscheduled.has(request.id))
        .map((entry) =>
          change(
            AgendaChangeKind.ADDED,
            { requestId: entry.request.id, meetingId: entry.meeting?.id ?? null },
            null,
            AgendaUnscheduledMeetingModel.from(entry, viewer).other,
          ),
        ),
      ...changes.removed.map((entry) => {
        const other = reading.removedCounterparts.get(entry.requestId);
        return change(
          AgendaChangeKind.REMOVED,
          { requestId: entry.requestId, meetingId: entry.meetingId },
          entry.before,
          other ? ParticipantModel.from(other, false, false) : null,
        );
      }),
    ];
  }
}

@ObjectType('AgendaUnscheduledMeeting', {
  description:
    '時間が未定の面談: 面談は成立していますが、公開したスケジュールの時間枠に入りきらず、時間と場所が決まっていないもの（当日、会場の受付でご相談ください）。商談枠のないイベントでは、当日会場内でお会いいただく面談（会場内の面談）',
})
export class AgendaUnscheduledMeetingModel {
  @Field(() => ID, { description: '面談申込の ID' })
  requestId: string;

  @Field(() => ID, {
    nullable: true,
    description:
      '会場内の面談の ID（meetings の id。cancelMeeting などに渡す）。時間枠を待っている面談には、まだ面談がないため null',
  })
  meetingId: string | null;

  @Field(() => MeetingStatus, {
    nullable: true,
    description:
      '会場内の面談の状態（予定・実施・不参加。meetings の status と同じ）。時間枠を待っている面談では null',
  })
  status: MeetingStatus | null;

  @Field(() => [ID], { description: '不参加と記録された参加者（会場内の面談で、meetings と同じ）' })
  noShowParticipantIds: string[];

  @Field(() => ParticipantModel, {
    description: '面談の相手（公開プロフィール。連絡先は開示に同意した場合のみ）',
  })
  other: ParticipantModel;

  @Field(() => Date, { nullable: true, description: '面談が成立した日時（承諾した日時）' })
  agreedAt: Date | null;

  /** The request is ACCEPTED, so the two agreed to meet; contact still needs the other's consent. */
  static from(entry: UnscheduledAgendaEntry, viewer: Actor): AgendaUnscheduledMeetingModel {
    return Object.assign(new AgendaUnscheduledMeetingModel(), {
      requestId: entry.request.id,
      meetingId: entry.meeting?.id ?? null,
      status: entry.meeting?.status ?? null,
      noShowParticipantIds: (entry.meeting?.sides ?? [])
        .filter((side) => side.noShow)
        .map((side) => side.participantId),
      other: ParticipantModel.from(entry.other, maySeeContact(viewer, entry.other, true), false),
      agreedAt: entry.request.respondedAt,
    });
  }
}

@ObjectType('Agenda', { description: '参加者の面談スケジュール（公開済みの面談）' })
export class AgendaModel {
  @Field(() => ID)
  eventId: string;

  @Field({ description: 'カレンダーアプリで購読できる本人専用の .ics URL（全イベントの面談）' })
  feedUrl: string;

  @Field(() => [MeetingModel])
  meetings: MeetingModel[];

  @Field(() => [AgendaUnscheduledMeetingModel], {
    description:
      '時間が未定の面談: 成立しているが、公開したスケジュールで時間枠に入りきらなかった面談、または商談枠のないイベントで当日会場でお会いいただく面談（面談スケジュールのメールにも記載）',
  })
  unscheduled: AgendaUnscheduledMeetingModel[];

  @Field(() => [AgendaChangeModel], {
    description:
      'changesSince からの変更（追加・変更・取り消し）。スケジュールを送る前、まだ何も届いていなければ空',
  })
  changes: AgendaChangeModel[];

  @Field(() => Date, {
    nullable: true,
    description:
      'changes の基準: 前回 markAgendaSeen で確認した日時。まだ確認していなければ、最初に面談スケジュールのメールを送った日時',
  })
  changesSince: Date | null;

  @Field({ description: 'このスケジュールの版。確認したら markAgendaSeen(eventId, version) に渡す' })
  version: string;
}

@ObjectType('SchedulePublication', { description: '面談スケジュールの公開結果' })
export class SchedulePublicationModel {
  @Field(() => Int, { description: '今回公開した面談の数' })
  publishedMeetings: number;

  @Field(() => Int, {
    description:
      '時間枠に入りきらなかった成立済みの面談のうち、今回はじめて双方に「時間が未定」と知らせた数（会場内で会う面談は数えない）',
  })
  unscheduledMeetings: number;

  @Field(() => Int, {
    description:
      'スケジュールのメールを書いた参加者の数（今回の公開にかかわる人）。前回届いたスケジュールから変わりのない人には送信時に送らないため、実際に送った数は emailProgress で',
  })
  notifiedParticipants: number;

  @Field(() => ID, { description: '送信状況は emailProgress(eventId, batchId) で' })
  batchId: string;
}

@ObjectType('NoShowEntry')
export class NoShowEntryModel {
  @Field(() => ID)
  meetingId: string;

  @Field(() => ID)
  eventId: string;

  @Field()
  eventTitle: string;

  @Field()
  startsAt: Date;
}

@ObjectType('NoShowHistory', { description: '面談の不参加履歴（全イベント）' })
export class NoShowHistoryModel {
  @Field(() => ID)
  participantId: string;

  @Field(() => Int)
  noShowCount: number;

  @Field(() => [NoShowEntryModel])
  entries: NoShowEntryModel[];
}
