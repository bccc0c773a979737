import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowStaff, CurrentActor } from '../auth/access.decorators';
import { StaffActor } from '../auth/actor';
import { DealsService } from './deals.service';
import { DealFilter } from './dto/deal-filter.input';
import { RecordDealInput } from './dto/record-deal.input';
import { UpdateDealInput } from './dto/update-deal.input';
import { DealConnection, DealModel } from './models/deal.model';
import { DeletedDealModel } from './models/deleted-deal.model';

@Resolver(() => DealModel)
export class DealsResolver {
  constructor(private readonly dealsService: DealsService) {}

  @Mutation(() => DealModel, {
    description:
      '商談を記録する（支援担当）。面談から記録するなら meetingId だけでよい。終了した年度の実績に数えられる商談' +
      '（年度が終わってから、その年度に始まった・成約した商談を記録する）は理由（input.reason）が必須で、記録に残り、' +
      'その年度の実績報告に年度終了後の訂正（dealsAddedAfterYearEnd）として載る',
  })
  @AllowStaff()
  async recordDeal(
    @CurrentActor() actor: StaffActor,
    @Args('input') input: RecordDealInput,
  ): Promise<DealModel> {
    return DealModel.from(await this.dealsService.record(actor, input));
  }

  @Mutation(() => DealModel, {
    description:
      '商談の段階・金額などを更新する（成約・不成立・再開）。記録した団体のスタッフのみ。終了した年度の実績が変わる変更' +
      '（成約の取り消し・金額や種類の訂正・日付の変更で年度をまたぐなど）は理由（input.reason）が必須で、記録に残り、' +
      'その年度の実績報告に年度終了後の訂正（dealsChangedAfterYearEnd）として載る',
  })
  @AllowStaff()
  async updateDeal(
    @CurrentActor() actor: StaffActor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateDealInput,
  ): Promise<DealModel> {
    return DealModel.from(await this.dealsService.update(actor, id, input));
  }

  @Mutation(() => DeletedDealModel, {
    description:
      '誤って記録した商談（二重登録など）を削除する。年度実績からも外れる。記録した団体のスタッフのみ。' +
      '削除は記録に残り、終了した年度の実績に数えられている商談は理由（reason）が必須で、その年度の実績報告に' +
      '年度終了後の訂正（dealsDeletedAfterYearEnd）として載る。完了したフォローアップ（実施した訪問の記録）は削除せず、' +
      'moveFollowUpsTo の商談（二重登録なら残す方）に未完了のものと一緒に移すので、年度実績のフォローアップ実施件数は変わらない。' +
      '完了したものがある商談は moveFollowUpsTo なしでは削除できない。取りやめたフォローアップは商談と一緒に削除する',
  })
  @AllowStaff()
  async deleteDeal(
    @CurrentActor() actor: StaffActor,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', {
      type: () => String,
      nullable: true,
      description:
        '削除の理由（1000文字まで）。終了した年度の実績に数えられている商談では必須、今年度の商談では任意',
    })
    reason: string | null,
    @Args('moveFollowUpsTo', {
      type: () => ID,
      nullable: true,
      description:
        'フォローアップを移す先の商談（二重登録なら残す方）。同じ団体が記録した同じ2人の商談で、商談開始日が' +
        '各フォローアップの期日・実施日以前のもの。完了したフォローアップがある商談では必須。完了・未完了のものが移り、' +
        '取りやめたものは削除される',
    })
    moveFollowUpsTo: string | null,
  ): Promise<DeletedDealModel> {
    return { id, ...(await this.dealsService.delete(actor, id, reason, moveFollowUpsTo)) };
  }

  @Query(() => DealModel, {
    description: '商談（自団体が記録したもの、または自団体が主催・共催するイベントで記録されたもの）',
  })
  @AllowStaff()
  async deal(
    @CurrentActor() actor: StaffActor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<DealModel> {
    return DealModel.from(await this.dealsService.getVisible(actor, id));
  }

  @Query(() => DealConnection, {
    description:
      '商談一覧（商談開始日順）。自団体が記録した商談。filter.eventId に自団体が主催・共催するイベントを指定すると、' +
      '主催・共催のどの団体が記録したものも含むそのイベントの全商談（eventReport の商談と同じ行）',
  })
  @AllowStaff()
  async deals(
    @CurrentActor() actor: StaffActor,
    @Args('filter', { nullable: true }) filter: DealFilter,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ) {
    return this.dealsService.list(actor, filter, { first, after }, DealModel.from);
  }
}
