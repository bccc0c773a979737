import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OutboxCounts } from '../../mail/outbox.service';
import { InvitationCampaign } from '../invitation-campaign.entity';

@ObjectType('InvitationCampaign', {
  description: '招待メールの一括送信。total = queued + sent + failed + skipped（送信状況はメールごとに集計）',
})
export class InvitationCampaignModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => Int, { description: '招待中として登録した人数' })
  invited: number;

  @Field(() => Int, { description: 'すでに参加登録があったため招待しなかった人数' })
  alreadyRegistered: number;

  @Field(() => Int, { description: 'メール受信の同意がない・配信停止・不達のためメールを送らない人数' })
  notEmailable: number;

  @Field(() => Int, { description: '招待メールの通数' })
  total: number;

  @Field(() => Int, { description: '送信待ち・送信中' })
  queued: number;

  @Field(() => Int)
  sent: number;

  @Field(() => Int, { description: '送信失敗（outboxMessages(status: FAILED) で宛先と理由を確認）' })
  failed: number;

  @Field(() => Int, { description: '送信前に回答済み・配信停止などで送らなかった通数' })
  skipped: number;

  @Field()
  createdAt: Date;

  static from(campaign: InvitationCampaign, counts: OutboxCounts): InvitationCampaignModel {
    return Object.assign(new InvitationCampaignModel(), {
      id: campaign.id,
      eventId: campaign.eventId,
      invited: campaign.invited,
      alreadyRegistered: campaign.alreadyRegistered,
      notEmailable: campaign.notEmailable,
      ...counts,
      createdAt: campaign.createdAt,
    });
  }
}
