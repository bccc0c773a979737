import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('EventRegistrationCounts', { description: '参加登録の状況' })
export class EventRegistrationCountsModel {
  @Field(() => Int, {
    description:
      '参加登録数（参加登録済・出席・欠席。招待中・キャンセル待ち・キャンセル・辞退は含まない）。eventReport・年度実績報告の参加登録数と同じ数え方で、年度内のイベントのうち年度実績報告に計上されるもの（Event.countsInFiscalYearReport が true。下書き・中止・開始前のイベントは含まれない）の合計が年度の参加登録数になる',
  })
  registrations: number;

  @Field(() => Int, {
    description: '席を確保していて欠席と記録されていない人数（参加登録済・出席）。定員・残席には欠席も数える',
  })
  registered: number;

  @Field(() => Int, { description: 'キャンセル待ち' })
  waitlisted: number;

  @Field(() => Int, { description: '招待中（まだ回答していない人）' })
  invited: number;

  @Field(() => Int, { description: '出席' })
  attended: number;

  @Field(() => Int, {
    description: '欠席（参加登録数のうち来なかった人。席は確保したままで、定員・残席に数える）',
  })
  absent: number;
}
