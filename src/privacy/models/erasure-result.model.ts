import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ErasureCounts, Participant } from '../../participants/participant.entity';

@ObjectType('ErasureResult', {
  description: '参加者の削除で行ったこと（件数）。同じ参加者をもう一度削除しても、最初の結果をそのまま返す',
})
export class ErasureResultModel {
  @Field(() => ID)
  participantId: string;

  @Field({ description: '削除した日時' })
  erasedAt: Date;

  @Field(() => Int, { description: 'キャンセルした、これからのイベントの参加登録' })
  registrationsCancelled: number;

  @Field(() => Int, { description: '中止した、これからの面談' })
  meetingsCancelled: number;

  @Field(() => Int, { description: '取り消した面談申込（回答待ち・承諾済み、送った・受けた両方）' })
  meetingRequestsWithdrawn: number;

  @Field(() => Int, { description: '消去した面談申込・回答のメッセージ（本人が書いたもの）' })
  meetingRequestMessagesCleared: number;

  @Field(() => Int, { description: '削除したおすすめ（本人あて・本人をすすめたもの）' })
  suggestionsDeleted: number;

  @Field(() => Int, { description: '無効にしたメールのリンク（招待・面談・アンケート・ログインなど）' })
  actionTokensDeleted: number;

  @Field(() => Int, { description: '送信を取りやめた送信待ちのメール' })
  emailsSkipped: number;

  @Field(() => Int, { description: '消去したアンケートのご意見（評価は集計のため残す）' })
  surveyCommentsDeleted: number;

  @Field(() => Int, { description: '取り下げた検討中のミニサロン開催要望（要望の文面も消去）' })
  miniSalonRequestsWithdrawn: number;

  @Field(() => Int, { description: '削除したプロフィールの変更履歴（以前の値を含むため）' })
  profileChangesDeleted: number;

  @Field(() => Int, { description: '削除したメールアドレス変更の申込（新しいアドレスを含むため）' })
  emailChangeRequestsDeleted: number;

  @Field(() => Int, {
    description: '取りやめた、本人についての未完了のフォローアップ（巡回指導の予定など。商談のものは残す）',
  })
  followUpsCancelled: number;

  @Field(() => Int, {
    description:
      '氏名・フリガナ・メールアドレス・電話番号を「（削除済み）」に置き換えた、本人が相手の商談とフォローアップ（件名・メモ・結果）、' +
      '本人が相手だった商談の削除・年度終了後の変更の記録（件名・理由）',
  })
  notesRedacted: number;

  /** Expects an erased participant (erasedAt and erasure set). */
  static from(participant: Participant): ErasureResultModel {
    const counts: ErasureCounts = participant.erasure!;
    return Object.assign(new ErasureResultModel(), {
      participantId: participant.id,
      erasedAt: participant.erasedAt!,
      registrationsCancelled: counts.registrationsCancelled,
      meetingsCancelled: counts.meetingsCancelled,
      meetingRequestsWithdrawn: counts.meetingRequestsWithdrawn,
      meetingRequestMessagesCleared: counts.meetingRequestMessagesCleared,
      suggestionsDeleted: counts.suggestionsDeleted,
      actionTokensDeleted: counts.actionTokensDeleted,
      emailsSkipped: counts.emailsSkipped,
      surveyCommentsDeleted: counts.surveyCommentsDeleted,
      miniSalonRequestsWithdrawn: counts.miniSalonRequestsWithdrawn,
      profileChangesDeleted: counts.profileChangesDeleted ?? 0,
      emailChangeRequestsDeleted: counts.emailChangeRequestsDeleted ?? 0,
      followUpsCancelled: counts.followUpsCancelled ?? 0,
      notesRedacted: counts.notesRedacted ?? 0,
    });
  }
}
