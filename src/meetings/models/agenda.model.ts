import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ParticipantModel } from '../../participants/models/participant.model';
import { maySeeContact } from '../../participants/participant-access';
import type { UnscheduledAgendaEntry } from '../agenda.service';
import { MeetingModel } from './meeting.model';

@ObjectType('AgendaUnscheduledMeeting', {
  description:
    '時間が未定の面談: 面談は成立していますが、公開したスケジュールの時間枠に入りきらず、時間とテーブルが決まっていないもの（当日、会場の受付でご相談ください）',
})
export class AgendaUnscheduledMeetingModel {
  @Field(() => ID, { description: '面談申込の ID' })
  requestId: string;

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
      '時間が未定の面談: 成立しているが、公開したスケジュールで時間枠に入りきらなかった面談（面談スケジュールのメールにも記載）',
  })
  unscheduled: AgendaUnscheduledMeetingModel[];
}

@ObjectType('SchedulePublication', { description: '面談スケジュールの公開結果' })
export class SchedulePublicationModel {
  @Field(() => Int, { description: '今回公開した面談の数' })
  publishedMeetings: number;

  @Field(() => Int, {
    description: '時間枠に入りきらなかった成立済みの面談のうち、今回はじめて双方に「時間が未定」と知らせた数',
  })
  unscheduledMeetings: number;

  @Field(() => Int, { description: 'スケジュールをメールで送る参加者の数' })
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
