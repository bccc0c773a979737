import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AllowStaff, CurrentActor } from '../auth/access.decorators';
import { StaffActor } from '../auth/actor';
import { ParticipantModel } from '../participants/models/participant.model';
import { MergeParticipantsArgs } from './dto/merge-participants.args';
import { ParticipantMergeModel } from './models/participant-merge.model';
import { ParticipantMergeService } from './participant-merge.service';

@Resolver()
export class ParticipantMergeResolver {
  constructor(private readonly merges: ParticipantMergeService) {}

  @Mutation(() => ParticipantMergeModel, {
    description:
      '同じ方の重複した登録を一つにまとめる（名寄せ）。duplicateId の参加登録・面談・面談申込・おすすめ・商談・フォローアップ・アンケート回答・ミニサロン開催要望・メールの記録・変更履歴は participantId に移り、duplicateId の登録は削除される。プロフィールは participantId のものが残り、空欄の項目だけ duplicateId から補う（同意・配信停止はそのまま）。同じイベントに両方の参加登録があれば進んだ方を残す。duplicateId のアドレスには、今後のご案内の宛先が変わったことをお知らせする（宛先不明だった場合を除く）。2人の間の面談、同じ時間の面談などスタッフの判断が要るものがあれば、何も変えずにエラーで知らせる。統合は元に戻せないため、先に dryRun: true で移る件数と統合できるかを確かめられる',
  })
  @AllowStaff()
  async mergeParticipants(
    @CurrentActor() actor: StaffActor,
    @Args() { participantId, duplicateId, dryRun }: MergeParticipantsArgs,
  ): Promise<ParticipantMergeModel> {
    const { counts, participant } = await this.merges.merge(actor, participantId, duplicateId, { dryRun });
    return Object.assign(new ParticipantMergeModel(), {
      ...counts,
      dryRun,
      participant: ParticipantModel.from(participant, true),
    });
  }
}
