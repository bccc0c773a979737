import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowStaff, CurrentActor, Public } from '../auth/access.decorators';
import { Actor, StaffActor } from '../auth/actor';
import { EventsService } from '../events/events.service';
import { OutboxService } from '../mail/outbox.service';
import { InvitationsService } from './invitations.service';
import { InvitationErrors } from './invitations.errors';
import { InvitationAnswerModel } from './models/invitation-answer.model';
import { InvitationCampaignModel } from './models/invitation-campaign.model';

@Resolver(() => InvitationCampaignModel)
export class InvitationsResolver {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly outbox: OutboxService,
    private readonly events: EventsService,
  ) {}

  @Mutation(() => InvitationCampaignModel, {
    description:
      '参加者をイベントに招待する（招待メールはキューから順に送信）。主催団体に問い合わせ先（contactEmail か contactPhone）がなければ送れない',
  })
  @AllowStaff()
  async inviteParticipants(
    @CurrentActor() actor: StaffActor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('participantIds', { type: () => [ID] }) participantIds: string[],
  ): Promise<InvitationCampaignModel> {
    const campaign = await this.invitations.invite(actor, eventId, participantIds);
    const { organization } = await this.events.get(eventId);
    return InvitationCampaignModel.from(
      campaign,
      await this.outbox.countsForBatch(campaign.id),
      organization,
    );
  }

  @Query(() => InvitationCampaignModel, { description: '招待メールの送信状況' })
  @AllowStaff()
  async invitationCampaign(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<InvitationCampaignModel> {
    const campaign = await this.invitations.getCampaign(id);
    const { organization } = await this.events.getManaged(actor, campaign.eventId, () =>
      InvitationErrors.campaignNotFound(id),
    );
    return InvitationCampaignModel.from(
      campaign,
      await this.outbox.countsForBatch(campaign.id),
      organization,
    );
  }

  @Mutation(() => InvitationAnswerModel, {
    description: '招待メールのリンクから出欠を回答する（同じ回答の繰り返しは何も変えない）',
  })
  @Public()
  respondToInvitation(
    @Args('token') token: string,
    @Args('accept') accept: boolean,
  ): Promise<InvitationAnswerModel> {
    return this.invitations.respond(token, accept);
  }
}
