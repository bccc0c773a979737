import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection';
import { OutboxMessage } from '../outbox-message.entity';
import { OutboxStatus } from '../outbox-status';

@ObjectType('OutboxMessage', { description: '送信予定・送信済みのメール1通' })
export class OutboxMessageModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'メールの種類（invitation など）' })
  template: string;

  @Field(() => OutboxStatus)
  status: OutboxStatus;

  @Field(() => ID, { nullable: true })
  participantId: string | null;

  @Field(() => String, { nullable: true, description: '宛先（参加者が削除された場合は null）' })
  recipientName: string | null;

  @Field(() => String, { nullable: true })
  recipientEmail: string | null;

  @Field(() => ID, { nullable: true, description: '招待キャンペーンなど、送信のまとまり' })
  batchId: string | null;

  @Field(() => Int, { description: '送信を試みた回数' })
  attempts: number;

  @Field(() => Int, { description: '送信中に処理が停止したため再送した回数（重複の可能性があるもの）' })
  resentAfterCrash: number;

  @Field(() => String, { nullable: true, description: '最後の失敗の理由' })
  lastError: string | null;

  @Field(() => String, { nullable: true, description: '送信しなかった理由（配信停止など）' })
  skipReason: string | null;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;

  @Field(() => String, { nullable: true })
  smtpMessageId: string | null;

  @Field()
  createdAt: Date;

  /** Expects participant loaded. */
  static from(message: OutboxMessage): OutboxMessageModel {
    return Object.assign(new OutboxMessageModel(), {
      id: message.id,
      template: message.template,
      status: message.status,
      participantId: message.participantId,
      recipientName: message.participant?.name ?? null,
      recipientEmail: message.toAddress ?? message.participant?.email ?? null,
      batchId: message.batchId,
      attempts: message.attempts,
      resentAfterCrash: message.resentAfterCrash,
      lastError: message.lastError,
      skipReason: message.skipReason,
      sentAt: message.sentAt,
      smtpMessageId: message.smtpMessageId,
      createdAt: message.createdAt,
    });
  }
}

export const OutboxMessageConnection = Connection(OutboxMessageModel, 'OutboxMessage');
