import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor } from '../auth/access.decorators';
import { Actor, ParticipantActor, Role } from '../auth/actor';
import { AgendaFeedLinks } from './agenda-feed-links';
import { AgendaService } from './agenda.service';
import { AgendaModel, AgendaUnscheduledMeetingModel, SchedulePublicationModel } from './models/agenda.model';
import { MeetingModel } from './models/meeting.model';

@Resolver(() => AgendaModel)
export class AgendaResolver {
  constructor(
    private readonly agenda: AgendaService,
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
    description: '自分の面談スケジュール（公開済みの面談と、時間枠に入りきらず時間が未定の面談）',
  })
  @Allow(Role.PARTICIPANT)
  async myAgenda(
    @CurrentActor() actor: ParticipantActor,
    @Args('eventId', { type: () => ID }) eventId: string,
  ): Promise<AgendaModel> {
    const { meetings, unscheduled } = await this.agenda.agenda(actor.participantId, eventId);
    return Object.assign(new AgendaModel(), {
      eventId,
      feedUrl: this.feeds.url(actor.participantId),
      meetings: meetings.map((meeting) => MeetingModel.from(meeting, actor)),
      unscheduled: unscheduled.map((entry) => AgendaUnscheduledMeetingModel.from(entry, actor)),
    });
  }
}
