import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OutboxCounts } from '../outbox.service';

@ObjectType('EmailProgress', {
  description:
    '一括送信（おすすめ・スケジュール・アンケートなど）の送信状況。total = queued + sent + failed + skipped',
})
export class EmailProgressModel {
  @Field(() => ID)
  eventId: string;

  @Field(() => ID, { description: '送信のまとまり（送信結果の batchId）' })
  batchId: string;

  @Field(() => Int, { description: 'メールの通数' })
  total: number;

  @Field(() => Int, { description: '送信待ち・送信中' })
  queued: number;

  @Field(() => Int)
  sent: number;

  @Field(() => Int, { description: '送信失敗（outboxMessages(status: FAILED) で宛先と理由を確認）' })
  failed: number;

  @Field(() => Int, { description: '配信停止・宛先の削除などで送らなかった通数' })
  skipped: number;

  static from(eventId: string, batchId: string, counts: OutboxCounts): EmailProgressModel {
    return Object.assign(new EmailProgressModel(), { eventId, batchId, ...counts });
  }
}
