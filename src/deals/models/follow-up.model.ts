import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection';
import { Participant } from '../../participants/participant.entity';
import { FollowUp } from '../follow-up.entity';
import { responsibleFor } from '../follow-up-responsible';
import { DealPartyModel } from './deal.model';

@ObjectType('FollowUp', { description: 'フォローアップ（商談または参加者の計画について、期日を決めた確認）' })
export class FollowUpModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  organizationId: string;

  @Field(() => ID, { nullable: true })
  dealId: string | null;

  @Field(() => String, { nullable: true, description: '対象の商談の概要' })
  dealTitle: string | null;

  @Field(() => DealPartyModel, { nullable: true, description: '対象の参加者' })
  participant: DealPartyModel | null;

  @Field(() => [DealPartyModel], {
    description: '確認する相手: 商談のフォローアップなら商談の双方、参加者のフォローアップならその参加者',
  })
  parties: DealPartyModel[];

  @Field({ description: '期日（YYYY-MM-DD）' })
  dueOn: string;

  @Field({ description: '確認すること' })
  notes: string;

  @Field({ description: '確認した結果' })
  result: string;

  @Field({ description: '完了したか（取りやめたものは false）' })
  done: boolean;

  @Field(() => Date, { nullable: true, description: '完了した日時' })
  doneAt: Date | null;

  @Field({ description: '取りやめたか（不要になったもの。完了・実施件数には数えない）' })
  cancelled: boolean;

  @Field(() => Date, { nullable: true, description: '取りやめた日時' })
  cancelledAt: Date | null;

  @Field({ description: '未完了・完了・取りやめ' })
  statusLabel: string;

  @Field(() => String, { nullable: true, description: '完了を記録したスタッフ（実施者）' })
  completedByName: string | null;

  @Field(() => ID, { nullable: true })
  assignedToId: string | null;

  @Field(() => String, { nullable: true, description: '担当スタッフ' })
  assignedToName: string | null;

  @Field(() => String, {
    nullable: true,
    description: '実際の担当: 担当スタッフ、未指定なら予定したスタッフ（週1回の予定メールはこの人に届く）',
  })
  responsibleName: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '実際の担当のアカウントが有効か。false は利用停止中で予定メールが届かない（reassignFollowUp で担当を付け替える）',
  })
  responsibleActive: boolean | null;

  /** `followUp` with its deal, participant (and company), assignee, creator and completer loaded. */
  static from(followUp: FollowUp): FollowUpModel {
    const responsible = responsibleFor(followUp);
    const cancelled = followUp.cancelledAt !== null;
    return Object.assign(new FollowUpModel(), {
      id: followUp.id,
      organizationId: followUp.organizationId,
      dealId: followUp.dealId,
      dealTitle: followUp.deal?.title ?? null,
      participant: DealPartyModel.from(followUp.participant),
      parties: followUpParties(followUp).map((party) => DealPartyModel.from(party)!),
      dueOn: followUp.dueOn,
      notes: followUp.notes,
      result: followUp.result,
      // A cancelled one is closed (doneAt) but was not done.
      done: followUp.doneAt !== null && !cancelled,
      doneAt: cancelled ? null : followUp.doneAt,
      cancelled,
      cancelledAt: followUp.cancelledAt,
      statusLabel: cancelled ? '取りやめ' : followUp.doneAt ? '完了' : '未完了',
      completedByName: cancelled ? null : (followUp.completedBy?.name ?? null),
      assignedToId: followUp.assignedToId,
      assignedToName: followUp.assignedTo?.name ?? null,
      responsibleName: responsible?.name ?? null,
      responsibleActive: responsible ? responsible.deactivatedAt === null : null,
    });
  }
}

/**
 * Whom staff contact for a follow-up: both sides of its deal, or the participant whose plan it
 * checks. Needs the deal's parties and the participant loaded.
 */
export function followUpParties(followUp: Pick<FollowUp, 'deal' | 'participant'>): Participant[] {
  const candidates = followUp.deal
    ? [followUp.deal.participantA, followUp.deal.participantB]
    : [followUp.participant];
  return candidates.filter((party): party is Participant => !!party);
}

export const FollowUpConnection = Connection(FollowUpModel, 'FollowUp');
