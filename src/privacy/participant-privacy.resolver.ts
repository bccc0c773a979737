import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor } from '../auth/access.decorators';
import { ParticipantActor, Role } from '../auth/actor';
import { ErasureResultModel } from './models/erasure-result.model';
import { MyDataModel } from './models/my-data.model';
import { MyDataService } from './my-data.service';
import { ParticipantErasureService } from './participant-erasure.service';

/** 個人情報の開示・削除. */
@Resolver()
export class ParticipantPrivacyResolver {
  constructor(
    private readonly myData: MyDataService,
    private readonly erasure: ParticipantErasureService,
  ) {}

  @Query(() => MyDataModel, {
    description:
      '自分について保存されているすべての情報（個人情報の開示）。参加者本人のみ（スタッフは participant(id) などで業務に必要な範囲を見る）。json は同じ内容のファイル保存用',
  })
  @Allow(Role.PARTICIPANT)
  exportMyData(@CurrentActor() actor: ParticipantActor): Promise<MyDataModel> {
    return this.myData.export(actor.participantId);
  }

  // Admin only: the pool is shared by every organisation, so no one organisation's staff may
  // remove a person from the others' records, and the step cannot be undone, so it is not offered
  // behind a participant's emailed sign-in link either. A participant asks the organiser, who
  // asks an admin.
  @Mutation(() => ErasureResultModel, {
    description:
      '参加者の個人情報を削除する（管理者のみ）。参加者の行は匿名化して残し（過去の参加登録・面談・アンケートの評価・商談は集計のため残る）、今後のイベントの参加登録・面談・面談申込を取り消し、おすすめ・メールのリンク・送信待ちのメール・アンケートのご意見を削除する。ログイン中のセッションも無効になる。2回目以降は何も変更せず最初の結果を返す',
  })
  @Allow(Role.ADMIN)
  eraseParticipant(@Args('id', { type: () => ID }) id: string): Promise<ErasureResultModel> {
    return this.erasure.erase(id);
  }
}
