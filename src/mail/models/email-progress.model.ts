import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { mailErrorLabel } from '../mail-labels';
import { BatchTrouble, OutboxCounts } from '../outbox.service';
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

  @Field(() => Int, {
    description:
      'queued のうち、エラーのあと再送を待っている通数。0 でなければメールサーバーなどに問題があるかもしれません',
  })
  retrying: number;

  @Field(() => String, {
    nullable: true,
    description: 'このまとまりで最後に起きた送信エラー（例: メールサーバーに接続できません）。なければ null',
  })
  lastError: string | null;

  @Field(() => String, { nullable: true, description: '最後の送信エラーの原文（システム管理者向け）' })
  lastErrorDetail: string | null;

  @Field(() => Date, { nullable: true, description: '最後の送信エラーの日時' })
  lastErrorAt: Date | null;

  static from(
    eventId: string,
    batchId: string,
    counts: OutboxCounts,
    trouble: BatchTrouble,
  ): EmailProgressModel {
    return Object.assign(new EmailProgressModel(), {
      eventId,
      batchId,
      ...counts,
      retrying: trouble.retrying,
      lastError: trouble.lastError ? mailErrorLabel(trouble.lastError, trouble.retrying > 0) : null,
      lastErrorDetail: trouble.lastError,
      lastErrorAt: trouble.lastErrorAt,
    });
  }
}
