import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor, Role } from '../auth/actor';
import { SchedulingRunModel } from './models/scheduling-run.model';
import { SchedulingWarningModel } from './models/scheduling-warning.model';
import { UnscheduledMeetingModel } from './models/unscheduled-meeting.model';
import { SchedulingService } from './scheduling.service';

@Resolver(() => SchedulingRunModel)
export class SchedulingResolver {
  constructor(private readonly scheduling: SchedulingService) {}

  @Mutation(() => SchedulingRunModel, {
    description:
      '承諾済みの面談申込を時間枠とテーブルに自動配置する（キューで実行。公開済みの面談は動かさない）',
  })
  @Allow(Role.ADMIN, Role.ORGANIZER)
  async scheduleMeetings(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
  ): Promise<SchedulingRunModel> {
    return SchedulingRunModel.from(await this.scheduling.start(actor, eventId));
  }

  @Query(() => SchedulingRunModel, { description: '自動配置の進捗と結果' })
  @AllowStaff()
  async schedulingRun(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SchedulingRunModel> {
    return SchedulingRunModel.from(await this.scheduling.get(actor, id));
  }

  @ResolveField(() => [UnscheduledMeetingModel], {
    description: '配置できなかった面談申込（双方の参加者つき）',
  })
  async unscheduled(
    @CurrentActor() actor: Actor,
    @Parent() run: SchedulingRunModel,
  ): Promise<UnscheduledMeetingModel[]> {
    const entries = await this.scheduling.unscheduledWithParties(actor, run.id);
    return entries.map((entry) => UnscheduledMeetingModel.from(entry));
  }

  @ResolveField(() => [SchedulingWarningModel], {
    description: '確認してほしいこと（1つのブースに別々の事業者が割り当てられている、など）。なければ空',
  })
  async warnings(
    @CurrentActor() actor: Actor,
    @Parent() run: SchedulingRunModel,
  ): Promise<SchedulingWarningModel[]> {
    return (await this.scheduling.warnings(actor, run.id)).map((warning) =>
      SchedulingWarningModel.from(warning),
    );
  }
}
