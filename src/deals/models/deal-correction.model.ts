import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Yen } from '../../common/graphql/yen.scalar';
import { countedAfter, countedBefore, DealCorrection } from '../deal-correction.entity';
import { DEAL_STAGE_LABEL, DEAL_TYPE_LABEL, DealStage, DealType } from '../deal-enums';
import { DealCounted } from '../deal-year-count';

/** What of a deal the 年度 figures count, with the labels. */
@ObjectType({ isAbstract: true })
abstract class DealCountedFields {
  @Field(() => DealType)
  type: DealType;

  @Field({ description: '受発注・共同開発など' })
  typeLabel: string;

  @Field(() => DealStage)
  stage: DealStage;

  @Field({ description: '商談中・成約・不成立' })
  stageLabel: string;

  @Field(() => Yen, { nullable: true, description: '金額（円）' })
  amountYen: number | null;

  @Field({ description: '商談開始日（YYYY-MM-DD）' })
  startedOn: string;

  @Field(() => String, { nullable: true, description: '成約日・不成立日（YYYY-MM-DD）' })
  closedOn: string | null;
}

const countedFields = (deal: DealCounted) => ({
  ...deal,
  typeLabel: DEAL_TYPE_LABEL[deal.type],
  stageLabel: DEAL_STAGE_LABEL[deal.stage],
});

@ObjectType('DealCountedState', {
  description: '商談の、年度実績に数えられる項目（種類・段階・金額・開始日・成約日）のある時点の値',
})
export class DealCountedStateModel extends DealCountedFields {
  static from(deal: DealCounted): DealCountedStateModel {
    return Object.assign(new DealCountedStateModel(), countedFields(deal));
  }
}

@ObjectType('DealDeletion', {
  description: '削除された商談の記録（削除したときの内容、削除したスタッフ・日時・理由）',
})
export class DealDeletionModel extends DealCountedFields {
  @Field(() => ID, { description: '削除された商談のID' })
  dealId: string;

  @Field()
  title: string;

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

  /** A deletion with its event and the staff member who deleted it loaded. */
  static from(deletion: DealCorrection): DealDeletionModel {
    return Object.assign(new DealDeletionModel(), {
      dealId: deletion.dealId,
      title: deletion.title,
      ...countedFields(countedBefore(deletion)!),
      eventId: deletion.eventId,
      eventTitle: deletion.event?.title ?? null,
      deletedAt: deletion.correctedAt,
      deletedByName: deletion.correctedBy?.name ?? null,
      reason: deletion.reason,
    });
  }
}

@ObjectType('DealChange', {
  description:
    '終了した年度の実績が変わった商談の変更（updateDeal）の記録: 変更前と変更後の値、変更したスタッフ・日時・理由',
})
export class DealChangeModel {
  @Field(() => ID, { description: '変更された商談のID' })
  dealId: string;

  @Field({ description: '商談の概要（変更後）' })
  title: string;

  @Field(() => ID, { nullable: true })
  eventId: string | null;

  @Field(() => String, { nullable: true })
  eventTitle: string | null;

  @Field(() => DealCountedStateModel, { description: '変更前' })
  before: DealCountedStateModel;

  @Field(() => DealCountedStateModel, { description: '変更後' })
  after: DealCountedStateModel;

  @Field({ description: '変更した日時' })
  changedAt: Date;

  @Field(() => String, { nullable: true, description: '変更したスタッフ' })
  changedByName: string | null;

  @Field({ description: '変更の理由' })
  reason: string;

  /** A change with its event and the staff member who made it loaded. */
  static from(change: DealCorrection): DealChangeModel {
    return Object.assign(new DealChangeModel(), {
      dealId: change.dealId,
      title: change.title,
      eventId: change.eventId,
      eventTitle: change.event?.title ?? null,
      before: DealCountedStateModel.from(countedBefore(change)!),
      after: DealCountedStateModel.from(countedAfter(change)!),
      changedAt: change.correctedAt,
      changedByName: change.correctedBy?.name ?? null,
      reason: change.reason,
    });
  }
}

@ObjectType('DealAddition', {
  description:
    '終了した年度の実績に数えられる商談を、年度が終わった後に記録（recordDeal）した記録: 記録したときの内容、' +
    '記録したスタッフ・日時・理由',
})
export class DealAdditionModel extends DealCountedFields {
  @Field(() => ID, { description: '記録された商談のID（その後に削除されていれば、もうない）' })
  dealId: string;

  @Field({ description: '商談の概要（記録したとき）' })
  title: string;

  @Field(() => ID, { nullable: true })
  eventId: string | null;

  @Field(() => String, { nullable: true })
  eventTitle: string | null;

  @Field({ description: '記録した日時' })
  addedAt: Date;

  @Field(() => String, { nullable: true, description: '記録したスタッフ' })
  addedByName: string | null;

  @Field({ description: '記録の理由' })
  reason: string;

  /** An addition with its event and the staff member who recorded the deal loaded. */
  static from(addition: DealCorrection): DealAdditionModel {
    return Object.assign(new DealAdditionModel(), {
      dealId: addition.dealId,
      title: addition.title,
      ...countedFields(countedAfter(addition)!),
      eventId: addition.eventId,
      eventTitle: addition.event?.title ?? null,
      addedAt: addition.correctedAt,
      addedByName: addition.correctedBy?.name ?? null,
      reason: addition.reason,
    });
  }
}
