import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('EventRegistrationCounts', { description: '参加登録の状況' })
export class EventRegistrationCountsModel {
  @Field(() => Int, { description: '参加登録（出席済みを含む。定員に数える人数）' })
  registered: number;

  @Field(() => Int, { description: 'キャンセル待ち' })
  waitlisted: number;

  @Field(() => Int, { description: '招待中（まだ回答していない人）' })
  invited: number;

  @Field(() => Int, { description: '出席' })
  attended: number;

  @Field(() => Int, { description: '欠席（参加登録のうち来なかった人。定員には数えない）' })
  absent: number;
}
