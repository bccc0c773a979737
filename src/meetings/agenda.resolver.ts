import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor } from '../auth/access.decorators';
import { Actor, ParticipantActor, Role } from '../auth/actor';
import { uuidArg } from '../common/validation/uuid';
import { AgendaFeedLinks } from './agenda-feed-links';
import { AgendaReading, AgendaViews } from './agenda-views.service';
import { AgendaService } from './agenda.service';
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

  @Query(() => AgendaModel, {
    description:
      '自分の面談スケジュール（公開済みの面談と、時間枠に入りきらず時間が未定の面談）。前回確認した時からの変更（changes）つき',
  })
  @Allow(Role.PARTICIPANT)
  async myAgenda(
    @CurrentActor() actor: ParticipantActor,
    @Args('eventId', { type: () => ID }) eventId: string,
  ): Promise<AgendaModel> {
    return this.model(actor, await this.views.read(actor.participantId, uuidArg('eventId', eventId)));
  }

  @Mutation(() => AgendaModel, {
    description:
      '面談スケジュールを確認した（以後の myAgenda の changes はこの時点からの変更）。表示した後にスケジュールが変わっていれば CONFLICT（field: version）で、読み込み直しを求める',
  })
  @Allow(Role.PARTICIPANT)
  async markAgendaSeen(
    @CurrentActor() actor: ParticipantActor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('version', { description: 'myAgenda の version' }) version: string,
  ): Promise<AgendaModel> {
    return this.model(
      actor,
      await this.views.markSeen(actor.participantId, uuidArg('eventId', eventId), version),
    );
  }

  private model(actor: ParticipantActor, reading: AgendaReading): AgendaModel {
    return Object.assign(new AgendaModel(), {
      eventId: reading.eventId,
      feedUrl: this.feeds.url(actor.participantId),
      meetings: reading.meetings.map((meeting) => MeetingModel.from(meeting, actor)),
      unscheduled: reading.unscheduled.map((entry) => AgendaUnscheduledMeetingModel.from(entry, actor)),
      changes: AgendaChangeModel.list(reading),
      changesSince: reading.since,
      version: reading.version,
    });
  }
}
