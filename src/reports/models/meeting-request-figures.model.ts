import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { MeetingRequestStatus } from '../../meetings/meeting-enums';

@ObjectType('MeetingRequestStatusCount', { description: '面談申込の状態別の件数' })
export class MeetingRequestStatusCountModel {
  @Field(() => MeetingRequestStatus)
  status: MeetingRequestStatus;

  @Field({ description: '状態の表示名（例: 承諾済み）' })
  label: string;

  @Field(() => Int)
  count: number;
}

/**
 * 面談申込 figures, for one event or a year's events: one definition (meeting-figures.ts), so that
 * the events' figures add up to the year's. 面談成立 is the programmes' word for an agreed meeting;
 * 商談成立 in their reports is a deal won (成約), which the deal figures count.
 */
@ObjectType({ isAbstract: true })
export abstract class MeetingRequestFiguresModel {
  @Field(() => Int, { description: '申込数（すべての状態の合計）' })
  total: number;

  @Field(() => [MeetingRequestStatusCountModel], {
    description: '状態別（回答待ち・承諾済み・辞退済み・期限切れ・取消済み。合計は total）',
  })
  byStatus: MeetingRequestStatusCountModel[];

  @Field(() => Int, {
    description:
      '面談成立の件数: 成立した申込（承諾・自動成立。その後に取り消されたものを含む。承諾済みと、承諾後に取り消された取消済みの合計）。商談の成約ではない',
  })
  agreed: number;

  @Field(() => Float, {
    nullable: true,
    description:
      '面談成立率（%、小数1桁。agreed ÷ total。申込数のうち面談成立の割合）。申込がなければ null。商談の成約率ではない',
  })
  agreedRate: number | null;

  @Field(() => Int, { description: '承諾済みで、まだ面談が配置されていない申込（時間未定）' })
  unplaced: number;
}
