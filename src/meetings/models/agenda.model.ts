import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MeetingModel } from './meeting.model';

@ObjectType('Agenda', { description: '参加者の面談スケジュール（公開済みの面談）' })
export class AgendaModel {
  @Field(() => ID)
  eventId: string;

  @Field({ description: 'カレンダーアプリで購読できる本人専用の .ics URL（全イベントの面談）' })
  feedUrl: string;

  @Field(() => [MeetingModel])
  meetings: MeetingModel[];
}

@ObjectType('SchedulePublication', { description: '面談スケジュールの公開結果' })
export class SchedulePublicationModel {
  @Field(() => Int, { description: '今回公開した面談の数' })
  publishedMeetings: number;

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
