import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Yen } from '../../common/graphql/yen.scalar';
import { Connection } from '../../common/pagination/connection';
import { fiscalYearOfDate } from '../../common/time/calendar-date';
import { Participant } from '../../participants/participant.entity';
import { Deal } from '../deal.entity';
import { DEAL_STAGE_LABEL, DEAL_TYPE_LABEL, DealStage, DealType } from '../deal-enums';

@ObjectType('DealParty', { description: '商談の当事者（参加者名簿から削除された場合は null）' })
export class DealPartyModel {
  @Field(() => ID)
  participantId: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  companyName: string | null;

  static from(participant: Participant | null): DealPartyModel | null {
    if (!participant) return null;
    return Object.assign(new DealPartyModel(), {
      participantId: participant.id,
      name: participant.name,
      companyName: participant.company?.name ?? null,
    });
  }
}

@ObjectType('Deal', { description: '商談（面談などから生まれ、支援担当が記録する）' })
export class DealModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID, {
    description: '記録した団体（年度実績に数え、商談の更新・フォローアップを行う団体）',
  })
  organizationId: string;

  @Field({
    description:
      '記録した団体の名称。イベントの商談は主催・共催のどの団体が記録したものも一覧に並ぶため、記録元を示す',
  })
  organizationName: string;

  @Field(() => ID, { nullable: true })
  eventId: string | null;

  @Field(() => String, { nullable: true })
  eventTitle: string | null;

  @Field(() => ID, { nullable: true })
  meetingId: string | null;

  @Field(() => DealPartyModel, { nullable: true })
  participantA: DealPartyModel | null;

  @Field(() => DealPartyModel, { nullable: true })
  participantB: DealPartyModel | null;

  @Field(() => DealType)
  type: DealType;

  @Field({ description: '受発注・共同開発など' })
  typeLabel: string;

  @Field(() => DealStage)
  stage: DealStage;

  @Field({ description: '商談中・成約・不成立' })
  stageLabel: string;

  @Field()
  title: string;

  @Field(() => Yen, { nullable: true, description: '金額（円）' })
  amountYen: number | null;

  @Field({ description: '商談開始日（YYYY-MM-DD）' })
  startedOn: string;

  @Field(() => String, { nullable: true, description: '成約日・不成立日（YYYY-MM-DD）' })
  closedOn: string | null;

  @Field(() => Int, { description: '商談開始日の年度（年度実績報告の新規商談数に数える年度）' })
  fiscalYear: number;

  @Field(() => Int, {
    nullable: true,
    description: '成約日・不成立日の年度（年度実績報告の成約・不成立に数える年度）。商談中は null',
  })
  closedFiscalYear: number | null;

  @Field()
  notes: string;

  @Field(() => String, { nullable: true, description: '記録したスタッフ' })
  recordedByName: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  /** `deal` with its organisation, event, parties (and their companies) and recorder loaded. */
  static from(deal: Deal): DealModel {
    return Object.assign(new DealModel(), {
      id: deal.id,
      organizationId: deal.organizationId,
      organizationName: deal.organization?.name ?? '',
      eventId: deal.eventId,
      eventTitle: deal.event?.title ?? null,
      meetingId: deal.meetingId,
      participantA: DealPartyModel.from(deal.participantA),
      participantB: DealPartyModel.from(deal.participantB),
      type: deal.type,
      typeLabel: DEAL_TYPE_LABEL[deal.type],
      stage: deal.stage,
      stageLabel: DEAL_STAGE_LABEL[deal.stage],
      title: deal.title,
      amountYen: deal.amountYen,
      startedOn: deal.startedOn,
      closedOn: deal.closedOn,
      fiscalYear: fiscalYearOfDate(deal.startedOn),
      closedFiscalYear: deal.closedOn ? fiscalYearOfDate(deal.closedOn) : null,
      notes: deal.notes,
      recordedByName: deal.recordedBy?.name ?? null,
      createdAt: deal.createdAt,
      updatedAt: deal.updatedAt,
    });
  }
}

export const DealConnection = Connection(DealModel, 'Deal');
