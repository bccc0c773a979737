import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Yen } from '../../common/graphql/yen.scalar';
import { DealDeletion } from '../deal-deletion.entity';
import { DEAL_STAGE_LABEL, DEAL_TYPE_LABEL, DealStage, DealType } from '../deal-enums';

@ObjectType('DealDeletion', {
  description: '削除された商談の記録（削除したときの内容、削除したスタッフ・日時・理由）',
})
export class DealDeletionModel {
  @Field(() => ID, { description: '削除された商談のID' })
  dealId: string;

  @Field()
  title: string;

  @Field(() => DealType)
  type: DealType;

  @Field({ description: '受発注・共同開発など' })
  typeLabel: string;

  @Field(() => DealStage, { description: '削除したときの段階' })
  stage: DealStage;

  @Field({ description: '商談中・成約・不成立' })
  stageLabel: string;

  @Field(() => Yen, { nullable: true, description: '金額（円）' })
  amountYen: number | null;

  @Field({ description: '商談開始日（YYYY-MM-DD）' })
  startedOn: string;

  @Field(() => String, { nullable: true, description: '成約日・不成立日（YYYY-MM-DD）' })
  closedOn: string | null;

  @Field(() => ID, { nullable: true })
  eventId: string | null;

  @Field(() => String, { nullable: true })
  eventTitle: string | null;

  @Field({ description: '削除した日時' })
  deletedAt: Date;

  @Field(() => String, { nullable: true, description: '削除したスタッフ' })
  deletedByName: string | null;

  @Field({ description: '削除の理由（今年度の商談で理由なしに削除したものは空）' })
  reason: string;

  /** `deletion` with its event and the staff member who deleted it loaded. */
  static from(deletion: DealDeletion): DealDeletionModel {
    return Object.assign(new DealDeletionModel(), {
      dealId: deletion.dealId,
      title: deletion.title,
      type: deletion.type,
      typeLabel: DEAL_TYPE_LABEL[deletion.type],
      stage: deletion.stage,
      stageLabel: DEAL_STAGE_LABEL[deletion.stage],
      amountYen: deletion.amountYen,
      startedOn: deletion.startedOn,
      closedOn: deletion.closedOn,
      eventId: deletion.eventId,
      eventTitle: deletion.event?.title ?? null,
      deletedAt: deletion.deletedAt,
      deletedByName: deletion.deletedBy?.name ?? null,
      reason: deletion.reason,
    });
  }
}
