import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Allow, AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor, ParticipantActor, readerLocale, Role, STAFF_ROLES, StaffActor } from '../auth/actor';
import { ParticipantFilter } from './dto/participant-filter.input';
import { ProfileInput } from './dto/profile.input';
import { UpsertParticipantInput } from './dto/upsert-participant.input';
import { ImportParticipantsArgs } from './import/import-participants.args';
import { ParticipantImportResultModel } from './import/import-result.model';
import { ParticipantImportService } from './import/participant-import.service';
import { ParticipantConnection, ParticipantModel } from './models/participant.model';
import { ProfileChangeModel } from './models/profile-change.model';
import { canSeeContactOf, maySeeStaffLabels } from './participant-access';
import { ParticipantsService } from './participants.service';

@Resolver(() => ParticipantModel)
export class ParticipantsResolver {
  constructor(
    private readonly participantsService: ParticipantsService,
    private readonly importer: ParticipantImportService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => ParticipantModel, { description: '参加者を登録・更新する（メールアドレスで照合）' })
  @AllowStaff()
  async upsertParticipant(
    @CurrentActor() actor: StaffActor,
    @Args('input') input: UpsertParticipantInput,
  ): Promise<ParticipantModel> {
    return ParticipantModel.from(await this.participantsService.upsert(actor, input), true);
  }

  @Mutation(() => ParticipantModel, { description: '自分のプロフィールを更新する（参加者）' })
  @Allow(Role.PARTICIPANT)
  async updateMyProfile(
    @CurrentActor() actor: ParticipantActor,
    @Args('input') input: ProfileInput,
  ): Promise<ParticipantModel> {
    return ParticipantModel.from(
      await this.participantsService.updateProfile(actor.participantId, input),
      true,
    );
  }

  @Query(() => ParticipantModel)
  @Allow(...STAFF_ROLES, Role.PARTICIPANT)
  async participant(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    const participant = await this.participantsService.get(id);
    return ParticipantModel.from(
      participant,
      await canSeeContactOf(this.dataSource.manager, actor, participant),
      maySeeStaffLabels(actor, participant.id),
    );
  }

  @Query(() => ParticipantConnection, { description: '参加者プール（フリガナ順）' })
  @AllowStaff()
  participants(
    @Args('filter', { nullable: true }) filter: ParticipantFilter,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ) {
    return this.participantsService.list(filter, { first, after }, (participant) =>
      ParticipantModel.from(participant, true),
    );
  }

  @Mutation(() => ParticipantImportResultModel, {
    description:
      '参加者名簿（CSV: UTF-8 / BOM付き / Shift_JIS）を取り込む。正しい行だけを登録し、誤りのある行は行番号と項目で返す',
  })
  @AllowStaff()
  importParticipants(
    @CurrentActor() actor: StaffActor,
    @Args() input: ImportParticipantsArgs,
  ): Promise<ParticipantImportResultModel> {
    return this.importer.import(actor, input);
  }

  @ResolveField(() => [ProfileChangeModel], {
    nullable: true,
    description:
      '変更履歴（新しい順に直近20件）: どの項目を、何から何へ、誰が変えたか。参加者プールは全団体で共有のため、上書きされた値も確認できます。スタッフ・本人にのみ表示、ほかは null。言語設定が英語の本人には、項目名などを英語で',
  })
  profileChanges(
    @CurrentActor() actor: Actor,
    @Parent() participant: ParticipantModel,
  ): Promise<ProfileChangeModel[]> | null {
    if (!maySeeStaffLabels(actor, participant.id)) return null;
    return this.participantsService.profileChanges(participant.id, readerLocale(actor));
  }
}
