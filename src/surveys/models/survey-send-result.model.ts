import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SurveySendResult', {
  description: 'アンケートメールの送信受付。participants = queued + alreadyQueued + notEmailable',
})
export class SurveySendResultModel {
  @Field(() => ID, {
    description:
      'イベントのアンケートメール（自動送信分も含む）。送信状況は emailProgress(eventId, batchId) で',
  })
  batchId: string;

  @Field(() => Int, { description: '対象の参加者数（出席者。受付を使っていなければ参加登録者）' })
  participants: number;

  @Field(() => Int, { description: '今回送信待ちにしたメールの通数' })
  queued: number;

  @Field(() => Int, { description: 'すでに送信済み・送信待ちだった通数' })
  alreadyQueued: number;

  @Field(() => Int, { description: 'メール受信の同意がない・配信停止・不達のため送らない人数' })
  notEmailable: number;
}
