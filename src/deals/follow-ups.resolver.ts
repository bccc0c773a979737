import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowStaff, CurrentActor } from '../auth/access.decorators';
import { StaffActor } from '../auth/actor';
import { ScheduleFollowUpInput } from './dto/schedule-follow-up.input';
import { FollowUpsService } from './follow-ups.service';
import { CompletedFollowUpModel } from './models/completed-follow-up.model';
import { FollowUpConnection, FollowUpModel } from './models/follow-up.model';

@Resolver(() => FollowUpModel)
export class FollowUpsResolver {
  constructor(private readonly followUps: FollowUpsService) {}

  @Mutation(() => FollowUpModel, { description: 'フォローアップを予定する（商談または参加者の計画）' })
  @AllowStaff()
  async scheduleFollowUp(
    @CurrentActor() actor: StaffActor,
    @Args('input') input: ScheduleFollowUpInput,
  ): Promise<FollowUpModel> {
    return FollowUpModel.from(await this.followUps.schedule(actor, input));
  }

  @Mutation(() => CompletedFollowUpModel, {
    description: 'フォローアップを完了し結果を記録する。nextDueOn で次回を予定（例: 4か月後）',
  })
  @AllowStaff()
  async completeFollowUp(
    @CurrentActor() actor: StaffActor,
    @Args('id', { type: () => ID }) id: string,
    @Args('result', { defaultValue: '' }) result: string,
    @Args('nextDueOn', { type: () => String, nullable: true }) nextDueOn: string | null,
    @Args('doneOn', {
      type: () => String,
      nullable: true,
      description: '実施日（YYYY-MM-DD、今日まで）。後から記録する訪問の日。省略すると今',
    })
    doneOn: string | null,
  ): Promise<CompletedFollowUpModel> {
    const { completed, next } = await this.followUps.complete(
      actor,
      id,
      result,
      nextDueOn ?? null,
      doneOn ?? null,
    );
    return { completed: FollowUpModel.from(completed), next: next && FollowUpModel.from(next) };
  }

  @Mutation(() => FollowUpModel, {
    description:
      'フォローアップを取りやめる（商談の二重登録・廃業などで不要になったもの）。予定から外れ、年度実績の実施件数には数えない',
  })
  @AllowStaff()
  async cancelFollowUp(
    @CurrentActor() actor: StaffActor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<FollowUpModel> {
    return FollowUpModel.from(await this.followUps.cancel(actor, id));
  }

  @Mutation(() => FollowUpModel, {
    description: 'フォローアップの担当を付け替える（同じ団体の有効なスタッフに。担当者の異動・退職時など）',
  })
  @AllowStaff()
  async reassignFollowUp(
    @CurrentActor() actor: StaffActor,
    @Args('id', { type: () => ID }) id: string,
    @Args('assignedToId', { type: () => ID }) assignedToId: string,
  ): Promise<FollowUpModel> {
    return FollowUpModel.from(await this.followUps.reassign(actor, id, assignedToId));
  }

  @Mutation(() => Int, {
    description:
      '担当者の未完了のフォローアップをまとめて同じ団体の有効なスタッフに引き継ぐ（異動・退職の前後に）。引き継いだ件数を返す',
  })
  @AllowStaff()
  handOverFollowUps(
    @CurrentActor() actor: StaffActor,
    @Args('fromUserId', { type: () => ID, description: '引き継ぎ元（利用停止中でも可）' }) fromUserId: string,
    @Args('toUserId', { type: () => ID, description: '引き継ぎ先（同じ団体の有効なスタッフ）' })
    toUserId: string,
  ): Promise<number> {
    return this.followUps.handOver(actor, fromUserId, toUserId);
  }

  @Query(() => FollowUpConnection, {
    description: '期日が before より前（before の日は含まない）の未完了フォローアップ（期日順）',
  })
  @AllowStaff()
  async followUpsDue(
    @CurrentActor() actor: StaffActor,
    @Args('before', {
      description:
        'YYYY-MM-DD。この日より前が期日のものを返し、この日が期日のものは含みません（12月1日までを含めるなら "2026-12-02"）',
    })
    before: string,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ) {
    return this.followUps.due(actor, before, { first, after }, FollowUpModel.from);
  }

  @Query(() => FollowUpConnection, {
    description: '年度内に完了したフォローアップ（完了順）。年度実績報告のフォローアップ実施件数の内訳',
  })
  @AllowStaff()
  async followUpsDone(
    @CurrentActor() actor: StaffActor,
    @Args('fiscalYear', { type: () => Int, description: '年度（例: 2026 = 令和8年度）' }) fiscalYear: number,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ) {
    return this.followUps.done(actor, fiscalYear, { first, after }, FollowUpModel.from);
  }
}
