import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor } from '../auth/actor';
import { EventsService } from '../events/events.service';
import { EmailProgressModel } from './models/email-progress.model';
import { OutboxMessageConnection, OutboxMessageModel } from './models/outbox-message.model';
import { OutboxStatus } from './outbox-status';
import { OutboxService } from './outbox.service';

@Resolver(() => OutboxMessageModel)
export class MailResolver {
  constructor(
    private readonly outbox: OutboxService,
    private readonly events: EventsService,
  ) {}

  @Query(() => OutboxMessageConnection, {
    description: 'イベントのメール送信状況（status: FAILED で送信できなかったメールを確認）',
  })
  @AllowStaff()
  async outboxMessages(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('batchId', { type: () => ID, nullable: true, description: '招待キャンペーンID など' })
    batchId: string | null,
    @Args('status', { type: () => OutboxStatus, nullable: true }) status: OutboxStatus | null,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ) {
    await this.events.getManaged(actor, eventId);
    return this.outbox.list({ eventId, batchId, status }, { first, after }, (message) =>
      OutboxMessageModel.from(message),
    );
  }

  @Query(() => EmailProgressModel, {
    description:
      '一括送信の進み具合: sendSuggestionDigests の runId、publishSchedule・sendSurvey の batchId を渡す',
  })
  @AllowStaff()
  async emailProgress(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('batchId', { type: () => ID }) batchId: string,
  ): Promise<EmailProgressModel> {
    await this.events.getManaged(actor, eventId);
    const counts = await this.outbox.countsForBatch(batchId, eventId);
    const trouble = await this.outbox.troubleForBatch(batchId, eventId);
    return EmailProgressModel.from(eventId, batchId, counts, trouble);
  }

  @Mutation(() => Int, {
    description:
      '送信に失敗したメール（status: FAILED）をもう一度送る。batchId を渡すとその一括送信の分だけ。宛先不明で配信を止めたアドレスは除く。もう一度送る件数を返す',
  })
  @AllowStaff()
  async resendFailedEmails(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('batchId', { type: () => ID, nullable: true, description: '招待キャンペーンID など' })
    batchId: string | null,
  ): Promise<number> {
    await this.events.getManaged(actor, eventId);
    return this.outbox.resendFailed({ eventId, batchId });
  }
}
