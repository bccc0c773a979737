import { Field, ID, ObjectType } from '@nestjs/graphql';
import { OutboxCounts } from '../outbox.service';
import { EmailCountsModel } from './email-counts.model';

@ObjectType('EmailProgress', {
  description:
    '一括送信（おすすめ・スケジュール・アンケートなど）の送信状況。total = queued + sent + failed + skipped',
})
export class EmailProgressModel extends EmailCountsModel {
  @Field(() => ID)
  eventId: string;

  @Field(() => ID, { description: '送信のまとまり（送信結果の batchId）' })
  batchId: string;

  static from(eventId: string, batchId: string, counts: OutboxCounts): EmailProgressModel {
    return Object.assign(new EmailProgressModel(), { eventId, batchId, ...counts });
  }
}
