import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor, ParticipantActor, Role } from '../auth/actor';
import { AgendaFeedLinks } from './agenda-feed-links';
import { AgendaComparison, AgendaViews, snapshotOf } from './agenda-views.service';
import { AgendaService, ParticipantAgenda } from './agenda.service';
import {
  AgendaChangeModel,
  AgendaModel,
  AgendaUnscheduledMeetingModel,
  SchedulePublicationModel,
} from './models/agenda.model';
import { MeetingModel } from './models/meeting.model';

@Resolver(() => AgendaModel)
export class AgendaResolver {
  constructor(
    private readonly agenda: AgendaService,
    private readonly views: AgendaViews,
    private readonly feeds: AgendaFeedLinks,
  ) {}

  @Mutation(() => SchedulePublicationModel, {
    description: '面談スケジュールを公開する（配置を固定し、各参加者に .ics 付きのスケジュールをメール）',
  })
  @Allow(Role.ADMIN, Role.ORGANIZER)
  async publishSchedule(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
  ): Promise<SchedulePublicationModel> {
    return Object.assign(new SchedulePublicationModel(), await this.agenda.publish(actor, eventId));
  }

  @Mutation(() => Boolean, {
    description:
      '参加者に面談スケジュールのメールを送り直す（メールをなくした方に。変更がなくても送る）。予定の面談がなくても、前回お送りしたスケジュールから取り消しになった面談があれば、それを示して送る。どちらもなければ CONFLICT（AGENDA_EMPTY、field: participantId）',
  })
  @AllowStaff()
  async sendAgendaAgain(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('participantId', { type: () => ID }) participantId: string,
  ): Promise<boolean> {
    await this.agenda.sendAgain(actor, eventId, participantId);
    return true;
  }

  @Query(() => AgendaModel, {
    description:
      '自分の面談スケジュール（公開済みの面談と、時間枠に入りきらず時間が未定の面談）。前回確認した時からの変更（changes）つき。' +
      '面談のないイベントは空のスケジュール、存在しない・見られないイベントは NOT_FOUND（field: eventId）',
  })
  @Allow(Role.PARTICIPANT)
  async myAgenda(
    @CurrentActor() actor: ParticipantActor,
    @Args('eventId', { type: () => ID }) eventId: string,
  ): Promise<AgendaModel> {
    const agenda = await this.agenda.agenda(actor, eventId);
    const comparison = await this.views.compare(actor.participantId, eventId, snapshotOf(agenda));
    return this.model(actor, eventId, agenda, comparison);
  }

  @Mutation(() => AgendaModel, {
    description:
      '面談スケジュールを確認した（以後の myAgenda の changes はこの時点からの変更）。表示した後にスケジュールが変わっていれば CONFLICT（field: version）で、読み込み直しを求める。スケジュールに面談がなく、前回から取り消しになった面談もなければ、確認するものがないため何も記録せず、version にかかわらず今のスケジュール（空）を返す',
  })
  @Allow(Role.PARTICIPANT)
  async markAgendaSeen(
    @CurrentActor() actor: ParticipantActor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('version', { description: 'myAgenda の version' }) version: string,
  ): Promise<AgendaModel> {
    const agenda = await this.agenda.agenda(actor, eventId);
    const seen = await this.views.markSeen(actor.participantId, eventId, snapshotOf(agenda), version);
    return this.model(actor, eventId, agenda, seen);
  }

  private model(
    actor: ParticipantActor,
    eventId: string,
    agenda: ParticipantAgenda,
    comparison: AgendaComparison,
  ): AgendaModel {
    return Object.assign(new AgendaModel(), {
      eventId,
      feedUrl: this.feeds.url(actor.participantId),
      meetings: agenda.meetings.map((meeting) => MeetingModel.from(meeting, actor)),
      unscheduled: agenda.unscheduled.map((entry) => AgendaUnscheduledMeetingModel.from(entry, actor)),
      changes: AgendaChangeModel.list({ ...agenda, ...comparison }, actor),
      changesSince: comparison.since,
      version: comparison.version,
    });
  }
}
