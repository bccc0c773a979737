import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor } from '../auth/access.decorators';
import { Actor, ParticipantActor, readerLocale, Role, STAFF_ROLES, StaffActor } from '../auth/actor';
import { AcceptMiniSalonRequestInput } from './dto/accept-mini-salon-request.input';
import { RequestMiniSalonInput } from './dto/request-mini-salon.input';
import { MiniSalonRequestStatus } from './mini-salon-enums';
import { MiniSalonRequestsService } from './mini-salon-requests.service';
import { MiniSalonRequestConnection, MiniSalonRequestModel } from './models/mini-salon-request.model';

const MANAGERS = [Role.ADMIN, Role.ORGANIZER];

@Resolver(() => MiniSalonRequestModel)
export class MiniSalonRequestsResolver {
  constructor(private readonly requests: MiniSalonRequestsService) {}

  @Mutation(() => MiniSalonRequestModel, { description: 'ミニサロンの開催を団体に要望する（参加者）' })
  @Allow(Role.PARTICIPANT)
  async requestMiniSalon(
    @CurrentActor() actor: ParticipantActor,
    @Args('input') input: RequestMiniSalonInput,
  ): Promise<MiniSalonRequestModel> {
    return MiniSalonRequestModel.from(await this.requests.request(actor, input), readerLocale(actor));
  }

  @Query(() => MiniSalonRequestConnection, {
    description: 'ミニサロン開催要望（スタッフ: 自団体あて、参加者: 自分の要望）。新しい順',
  })
  @Allow(...STAFF_ROLES, Role.PARTICIPANT)
  async miniSalonRequests(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => MiniSalonRequestStatus, nullable: true })
    status: MiniSalonRequestStatus | null,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ) {
    return this.requests.list(actor, status ?? null, { first, after }, (request) =>
      MiniSalonRequestModel.from(request, readerLocale(actor)),
    );
  }

  @Mutation(() => MiniSalonRequestModel, {
    description: '開催を決定する: ミニサロンのイベントを下書きで作り、要望者にメールで知らせる（主催者）',
  })
  @Allow(...MANAGERS)
  async acceptMiniSalonRequest(
    @CurrentActor() actor: StaffActor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: AcceptMiniSalonRequestInput,
  ): Promise<MiniSalonRequestModel> {
    return MiniSalonRequestModel.from(await this.requests.accept(actor, id, input));
  }

  @Mutation(() => MiniSalonRequestModel, {
    description: '開催を見送る: 理由を添えて要望者にメールで知らせる（主催者）',
  })
  @Allow(...MANAGERS)
  async declineMiniSalonRequest(
    @CurrentActor() actor: StaffActor,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<MiniSalonRequestModel> {
    return MiniSalonRequestModel.from(await this.requests.decline(actor, id, reason));
  }

  @Mutation(() => MiniSalonRequestModel, { description: '検討中の要望を取り下げる（要望した参加者）' })
  @Allow(Role.PARTICIPANT)
  async withdrawMiniSalonRequest(
    @CurrentActor() actor: ParticipantActor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MiniSalonRequestModel> {
    return MiniSalonRequestModel.from(await this.requests.withdraw(actor, id), readerLocale(actor));
  }
}
