import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor, Role, STAFF_ROLES } from '../auth/actor';
import { AgendaViews } from './agenda-views.service';
import { UpdateMeetingSettingsInput } from './dto/update-meeting-settings.input';
import { MeetingSettingsService } from './meeting-settings.service';
import { MeetingsService } from './meetings.service';
import { NoShowHistoryModel } from './models/agenda.model';
import { MeetingSettingsModel } from './models/meeting-settings.model';
import { MeetingConnection, MeetingModel } from './models/meeting.model';

@Resolver(() => MeetingModel)
export class MeetingsResolver {
  constructor(
    private readonly meetingsService: MeetingsService,
    private readonly settings: MeetingSettingsService,
    private readonly views: AgendaViews,
  ) {}

  @Query(() => MeetingConnection, {
    description:
      'イベントの面談一覧（スタッフ）。開始時刻順で、同じ時刻の面談は面談ID順（テーブル順ではありません）',
  })
  @AllowStaff()
  async meetings(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('includeCancelled', { nullable: true }) includeCancelled: boolean,
    @Args('participantId', {
      type: () => ID,
      nullable: true,
      description: 'この参加者の面談だけ（電話で問い合わせを受けたときなど）',
    })
    participantId: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ) {
    const page = await this.meetingsService.listForEvent(
      actor,
      eventId,
      { includeCancelled: includeCancelled ?? false, participantId },
      { first, after },
      (m) => m,
    );
    const seen = await this.views.seenWhereTheyAre(page.edges.map((edge) => edge.node.id));
    return {
      ...page,
      edges: page.edges.map(({ cursor, node: m }) => ({
        cursor,
        node: Object.assign(MeetingModel.from(m, actor), {
          seenBy: [m.participantAId, m.participantBId].filter((id) => seen.has(`${m.id}/${id}`)),
        }),
      })),
    };
  }

  @Query(() => MeetingModel, { description: '面談（当事者またはイベントのスタッフ）' })
  @Allow(...STAFF_ROLES, Role.PARTICIPANT)
  async meeting(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MeetingModel> {
    return MeetingModel.from(await this.meetingsService.getVisible(actor, id), actor);
  }

  @Mutation(() => MeetingModel, {
    description: '面談を中止する（当事者または主催者）。空いた枠は待機中の申込に割り当て',
  })
  @Allow(...STAFF_ROLES, Role.PARTICIPANT)
  async cancelMeeting(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MeetingModel> {
    return MeetingModel.from(await this.meetingsService.cancel(actor, id), actor);
  }

  @Mutation(() => MeetingModel, { description: '承諾済みの面談申込を時間枠に手動で配置する（主催者）' })
  @AllowStaff()
  async placeMeeting(
    @CurrentActor() actor: Actor,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('slotIndex', { type: () => Int }) slotIndex: number,
    @Args('table', { type: () => String, nullable: true }) table: string | null,
  ): Promise<MeetingModel> {
    return MeetingModel.from(
      await this.meetingsService.place(actor, requestId, sessionId, slotIndex, table),
      actor,
    );
  }

  @Mutation(() => MeetingModel, {
    description: '面談を別の時間枠・テーブルに移す（公開済みなら双方に更新を通知）',
  })
  @AllowStaff()
  async moveMeeting(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('slotIndex', { type: () => Int }) slotIndex: number,
    @Args('table', { type: () => String, nullable: true }) table: string | null,
  ): Promise<MeetingModel> {
    return MeetingModel.from(await this.meetingsService.move(actor, id, sessionId, slotIndex, table), actor);
  }

  @Mutation(() => MeetingModel, { description: '面談の実施を記録する（スタッフ）' })
  @AllowStaff()
  async markMeetingHeld(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MeetingModel> {
    return MeetingModel.from(await this.meetingsService.markHeld(actor, id), actor);
  }

  @Mutation(() => MeetingModel, {
    description:
      '面談に来なかった参加者を記録する（スタッフ）。participantId の方が不参加で相手は来た。省略すると双方とも不参加',
  })
  @AllowStaff()
  async markNoShow(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('participantId', { type: () => ID, nullable: true }) participantId: string | null,
  ): Promise<MeetingModel> {
    return MeetingModel.from(await this.meetingsService.markNoShow(actor, id, participantId), actor);
  }

  @Query(() => NoShowHistoryModel, { description: '参加者の面談不参加の履歴（全イベント・スタッフ）' })
  @AllowStaff()
  async noShowHistory(
    @CurrentActor() actor: Actor,
    @Args('participantId', { type: () => ID }) participantId: string,
  ): Promise<NoShowHistoryModel> {
    const { entries } = await this.meetingsService.noShowHistory(actor, participantId);
    return Object.assign(new NoShowHistoryModel(), {
      participantId,
      noShowCount: entries.length,
      entries: entries.map(({ meeting }) => ({
        meetingId: meeting.id,
        eventId: meeting.eventId,
        eventTitle: meeting.event.title,
        startsAt: meeting.startsAt,
      })),
    });
  }

  @Query(() => MeetingSettingsModel, { description: 'イベントの面談申込の設定（主催者）' })
  @AllowStaff()
  async meetingSettings(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
  ): Promise<MeetingSettingsModel> {
    return MeetingSettingsModel.from(await this.settings.getManaged(actor, eventId));
  }

  @Mutation(() => MeetingSettingsModel, {
    description: '面談申込の設定を変更する（承諾方式・申込数の上限・回答期限）',
  })
  @AllowStaff()
  async updateMeetingSettings(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input') input: UpdateMeetingSettingsInput,
  ): Promise<MeetingSettingsModel> {
    return MeetingSettingsModel.from(await this.settings.update(actor, eventId, input));
  }
}
