import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor, ParticipantActor, Role, STAFF_ROLES } from '../auth/actor';
import { MeetingRequestStatus } from './meeting-enums';
import { MeetingRequestsService } from './meeting-requests.service';
import { MeetingRequestConnection, MeetingRequestModel } from './models/meeting-request.model';

@Resolver(() => MeetingRequestModel)
export class MeetingRequestsResolver {
  constructor(private readonly requests: MeetingRequestsService) {}

  @Mutation(() => MeetingRequestModel, {
    description:
      '面談を申し込む（参加者本人。双方がイベントに参加登録済みであること）。' +
      '相手からの回答待ちの申込がある場合は、それを承諾して成立させ、その申込（from が相手、status が ACCEPTED）を返す',
  })
  @Allow(Role.PARTICIPANT)
  async requestMeeting(
    @CurrentActor() actor: ParticipantActor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('toParticipantId', { type: () => ID }) toParticipantId: string,
    @Args('message', { type: () => String, nullable: true }) message: string | null,
  ): Promise<MeetingRequestModel> {
    const request = await this.requests.requestMeeting(
      actor.participantId,
      eventId,
      toParticipantId,
      message,
    );
    return MeetingRequestModel.from(request, actor);
  }

  @Mutation(() => MeetingRequestModel, {
    description: '受けた面談申込に回答する（申込を受けた本人）。message は申込者への回答メールに載る',
  })
  @Allow(Role.PARTICIPANT)
  async respondToMeetingRequest(
    @CurrentActor() actor: ParticipantActor,
    @Args('id', { type: () => ID }) id: string,
    @Args('accept') accept: boolean,
    @Args('message', { type: () => String, nullable: true }) message: string | null,
  ): Promise<MeetingRequestModel> {
    const answer = await this.requests.respond(actor, id, accept, message);
    return MeetingRequestModel.from(await this.requests.get(answer.request.id), actor);
  }

  @Mutation(() => MeetingRequestModel, {
    description: '面談申込を取り消す（申込者、承諾後は双方、または主催者）。配置済みの面談も中止',
  })
  @Allow(...STAFF_ROLES, Role.PARTICIPANT)
  async cancelMeetingRequest(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MeetingRequestModel> {
    return MeetingRequestModel.from(await this.requests.cancel(actor, id), actor);
  }

  @Query(() => [MeetingRequestModel], { description: '自分が送った・受けた面談申込（新しい順）' })
  @Allow(Role.PARTICIPANT)
  async myMeetingRequests(
    @CurrentActor() actor: ParticipantActor,
    @Args('eventId', { type: () => ID }) eventId: string,
  ): Promise<MeetingRequestModel[]> {
    const requests = await this.requests.listMine(actor.participantId, eventId);
    return requests.map((request) => MeetingRequestModel.from(request, actor));
  }

  @Query(() => MeetingRequestConnection, { description: 'イベントの面談申込一覧（主催者・申込順）' })
  @AllowStaff()
  meetingRequests(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('status', { type: () => MeetingRequestStatus, nullable: true }) status: MeetingRequestStatus | null,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ) {
    return this.requests.listForEvent(actor, eventId, status, { first, after }, (request) =>
      MeetingRequestModel.from(request, actor),
    );
  }
}
