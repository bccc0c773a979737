import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { EmailCountsModel } from '../../mail/models/email-counts.model';
import { OutboxCounts } from '../../mail/outbox.service';
import { Organization } from '../../organizations/organization.entity';
import {
  ORGANIZER_ADDRESS_MISSING_DESCRIPTION,
  organizerAddressMissing,
} from '../../organizations/organizer-address';
import { InvitationCampaign } from '../invitation-campaign.entity';

@ObjectType('InvitationCampaign', {
  description: '招待メールの一括送信。total = queued + sent + failed + skipped（送信状況はメールごとに集計）',
})
export class InvitationCampaignModel extends EmailCountsModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => Int, { description: '招待中として登録した人数' })
  invited: number;

  @Field(() => Int, {
    description: 'invited のうち、キャンセル・辞退のあと改めて招待した人数（新しい招待メールを送ります）',
  })
  reinvited: number;

  @Field(() => Int, { description: 'すでに招待中・参加登録済・キャンセル待ち等のため招待しなかった人数' })
  alreadyRegistered: number;

  @Field(() => Int, { description: 'メール受信の同意がない・配信停止・不達のためメールを送らない人数' })
  notEmailable: number;

  @Field({ description: ORGANIZER_ADDRESS_MISSING_DESCRIPTION })
  organizerAddressMissing: boolean;

  @Field()
  createdAt: Date;

  /** `organizer`: the event's organising body, whose address the emails' footer shows. */
  static from(
    campaign: InvitationCampaign,
    counts: OutboxCounts,
    organizer: Organization,
  ): InvitationCampaignModel {
    return Object.assign(new InvitationCampaignModel(), {
      id: campaign.id,
      eventId: campaign.eventId,
      invited: campaign.invited,
      reinvited: campaign.reinvited,
      alreadyRegistered: campaign.alreadyRegistered,
      notEmailable: campaign.notEmailable,
      ...counts,
      organizerAddressMissing: organizerAddressMissing(organizer),
      createdAt: campaign.createdAt,
    });
  }
}
