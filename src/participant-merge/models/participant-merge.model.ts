import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ParticipantModel } from '../../participants/models/participant.model';

/** What a merge moved to the kept profile, and what it let go. */
export interface MergeCounts {
  registrationsMoved: number;
  registrationsCombined: number;
  placementsRemoved: number;
  meetingsMoved: number;
  meetingRequestsMoved: number;
  meetingRequestsWithdrawn: number;
  meetingRequestsAgreed: number;
  suggestionsDeleted: number;
  dealsMoved: number;
  followUpsMoved: number;
  surveyResponsesMoved: number;
  miniSalonRequestsMoved: number;
  emailsMoved: number;
  emailsResent: number;
}

@ObjectType('ParticipantMerge', { description: '重複した登録の統合（名寄せ）の結果' })
export class ParticipantMergeModel implements MergeCounts {
  @Field(() => ParticipantModel, {
    description:
      '残った参加者（変更履歴に統合の記録がある）。dryRun では統合したときのプロフィール（変更履歴など別に読む項目は今のまま）',
  })
  participant: ParticipantModel;

  @Field({ description: 'true なら確認のみで、何も変わっていない' })
  dryRun: boolean;

  @Field(() => Int, {
    description:
      '重複していた登録から移った参加登録（同じイベントに両方あったイベントでは、残った方が重複側のものだったときだけ数える）',
  })
  registrationsMoved: number;

  @Field(() => Int, {
    description:
      '両方に参加登録があり、一つにまとめたイベントの数（参加確定・キャンセル待ち・招待の順に進んだ方を残す。空いた席はキャンセル待ちの方へ）',
  })
  registrationsCombined: number;

  @Field(() => Int, {
    description:
      'ブース方式の商談枠で、統合でブースが変わったため取り消した未公開の面談の配置（申込は成立のまま残り、次の自動配置で新しいブースに配置される）',
  })
  placementsRemoved: number;

  @Field(() => Int)
  meetingsMoved: number;

  @Field(() => Int)
  meetingRequestsMoved: number;

  @Field(() => Int, {
    description:
      '同じ相手との面談申込が両方にあったため取り下げた申込（成立した方、または残す登録の方が残る。互いに申し込み合っていたときは先の申込が残る）',
  })
  meetingRequestsWithdrawn: number;

  @Field(() => Int, {
    description:
      '同じ相手と互いに申し込み合っていた（一方の登録から申し込み、もう一方の登録あてに申込を受けていた）ため、相手が申し込み返したときと同じく成立させた面談申込（双方に面談成立をお知らせ）',
  })
  meetingRequestsAgreed: number;

  @Field(() => Int, { description: '削除したおすすめ（2人の間のもの、重なっていたもの）' })
  suggestionsDeleted: number;

  @Field(() => Int)
  dealsMoved: number;

  @Field(() => Int)
  followUpsMoved: number;

  @Field(() => Int)
  surveyResponsesMoved: number;

  @Field(() => Int)
  miniSalonRequestsMoved: number;

  @Field(() => Int, { description: '移したメール（送信済みの記録を含む）' })
  emailsMoved: number;

  @Field(() => Int, {
    description: '重複していた登録のアドレスに届かなかったメールのうち、残る登録のアドレスにもう一度送る件数',
  })
  emailsResent: number;
}
