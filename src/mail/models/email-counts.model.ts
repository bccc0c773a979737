import { Field, Int, ObjectType } from '@nestjs/graphql';

/** How far a bulk send has got, counted from its outbox rows: total = queued + sent + failed + skipped. */
@ObjectType({ isAbstract: true })
export abstract class EmailCountsModel {
  @Field(() => Int, { description: 'メールの通数' })
  total: number;

  @Field(() => Int, { description: '送信待ち・送信中' })
  queued: number;

  @Field(() => Int)
  sent: number;

  @Field(() => Int, { description: '送信失敗（outboxMessages(status: FAILED) で宛先と理由を確認）' })
  failed: number;

  @Field(() => Int, { description: '送信前に回答済み・配信停止などで送らなかった通数' })
  skipped: number;
}
