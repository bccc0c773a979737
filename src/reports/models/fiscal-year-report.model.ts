import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Yen } from '../../common/graphql/yen.scalar';
import { DealType } from '../../deals/deal-enums';
import {
  DealAdditionModel,
  DealChangeModel,
  DealDeletionModel,
} from '../../deals/models/deal-correction.model';
import { EventKind } from '../../events/event-enums';
import { OrganizationModel } from '../../organizations/models/organization.model';
import { ReportMetric } from '../targets/report-metric';
import { MeetingRequestFiguresModel } from './meeting-request-figures.model';
import { SurveyFiguresModel } from './survey-figures.model';

/*
 * Report figures have no entity behind them: they are computed for the API, so these classes are
 * both what the services return and what GraphQL and the CSV export read.
 * Yen sums are the Yen scalar: one year's 成約金額 can pass GraphQL Int's 21億円.
 */

@ObjectType('EventKindCount', { description: 'イベントの種類別の件数' })
export class EventKindCountModel {
  @Field(() => EventKind)
  kind: EventKind;

  @Field({ description: '種類の表示名（例: サロン）' })
  label: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('FiscalYearEventFigures', {
  description: '年度内に開催した（集計時点で開始済みの）主催・共催のイベント（下書き・中止を除く）',
})
export class FiscalYearEventFiguresModel {
  @Field(() => Int, { description: '開催イベント数' })
  total: number;

  @Field(() => [EventKindCountModel], { description: '種類別（すべての種類。合計は total）' })
  byKind: EventKindCountModel[];
}

@ObjectType('FiscalYearParticipationFigures', {
  description:
    '年度内に開催した（集計時点で開始済みの）主催・共催のイベントへの参加（参加登録済・出席・欠席の登録。参加者数と事業者数は欠席を除く）',
})
export class FiscalYearParticipationFiguresModel {
  @Field(() => Int, {
    description:
      '参加登録数（延べ。参加登録済・出席・欠席。招待中・キャンセル待ち・キャンセル・辞退は含まない）。年度内の各イベントの参加登録数（イベント一覧・eventReport）の合計',
  })
  registrations: number;

  @Field(() => Int, { description: '出席数（延べ）' })
  attended: number;

  @Field(() => Int, { description: '参加者数（実人数。欠席を除く）' })
  participants: number;

  @Field(() => Int, {
    description:
      '参加事業者数（実数。欠席を除き、参加登録時の所属事業者で数え、事業者の登録がない参加者は数えない）',
  })
  companies: number;

  @Field(() => Int, {
    description: '新規参加事業者数（参加事業者のうち、前年度までの参加がない事業者）',
  })
  newCompanies: number;

  @Field(() => Int, {
    description: '参加事業者数の累計（この年度までに参加したことのある事業者の実数）',
  })
  companiesToDate: number;
}

@ObjectType('FiscalYearMeetingFigures', {
  description: '年度内に開催した（集計時点で開始済みの）主催・共催のイベント（下書き・中止を除く）での面談',
})
export class FiscalYearMeetingFiguresModel {
  @Field(() => Int, { description: '実施した面談' })
  held: number;

  @Field(() => Int, { description: '不参加があった面談' })
  noShow: number;

  @Field(() => Int, {
    description:
      '配置された面談（中止を除く: 予定・実施・不参加あり の合計）。年度内の各イベントの eventReport の meetings.placed の合計',
  })
  placed: number;
}

@ObjectType('FiscalYearMeetingRequestFigures', {
  description:
    '年度内に開催した（集計時点で開始済みの）主催・共催のイベントでの面談申込。申込の日ではなくイベントの年度で数え、' +
    '年度内の各イベントの eventReport の面談申込の合計（面談成立率は合計から求める）。状態は一覧（meetingRequests）と同じく、' +
    '回答期限を過ぎた回答待ちは期限切れとして数える',
})
export class FiscalYearMeetingRequestFiguresModel extends MeetingRequestFiguresModel {}

/** The deal figures of a year, for all deals or one type. */
@ObjectType({ isAbstract: true })
export abstract class DealYearFigures {
  @Field(() => Int, { description: '新規商談数（開始日が年度内）' })
  recorded: number;

  @Field(() => Int, { description: '成約件数（成約日が年度内）' })
  won: number;

  @Field(() => Int, { description: '不成立件数（不成立となった日が年度内）' })
  lost: number;

  @Field(() => Yen, { description: '成約金額の合計（円・整数。金額未入力の成約は0円として合算）' })
  wonAmountYen: number;

  @Field(() => Int, { description: '金額未入力の成約件数' })
  wonWithoutAmount: number;
}

@ObjectType('DealTypeFigures', { description: '商談の種類別の年度実績' })
export class DealTypeFiguresModel extends DealYearFigures {
  @Field(() => DealType)
  type: DealType;

  @Field({ description: '種類の表示名（例: 受発注）' })
  label: string;
}

@ObjectType('FiscalYearDealFigures', {
  description:
    '団体が記録した商談（商談成約）の年度実績。自団体のスタッフが記録したものを、主催・共催のイベントでも' +
    'イベント外でも数え、共催イベントで他団体が記録した商談は含まない' +
    '（deals(filter: { fiscalYear }) と商談一覧CSV に並ぶ行と同じ）',
})
export class FiscalYearDealFiguresModel extends DealYearFigures {
  @Field(() => [DealTypeFiguresModel], {
    description: '種類別（すべての種類。各項目の合計は全体の値と一致）',
  })
  byType: DealTypeFiguresModel[];
}

@ObjectType('FiscalYearDealDeletions', {
  description:
    '年度終了後の訂正（削除）: 年度が終わった後に削除（deleteDeal）された、この年度の実績に数えられていた商談。' +
    '各値は削除で減った分（deals の同じ項目の値に足すと、削除前の値になる）',
})
export class FiscalYearDealDeletionsModel extends DealYearFigures {
  @Field(() => Int, {
    description: '削除された商談の件数（開始日・成約日・不成立日のいずれかが年度内のもの）',
  })
  deals: number;

  @Field(() => [DealDeletionModel], {
    description: '削除された商談（削除した順）。理由と削除したスタッフ付き',
  })
  deletions: DealDeletionModel[];
}

@ObjectType('DealYearFigureMoves', {
  description: '商談の年度実績の各項目が動いた分（増えた分・減った分のそれぞれ。0 以上）',
})
export class DealYearFigureMovesModel extends DealYearFigures {}

@ObjectType('FiscalYearDealChanges', {
  description:
    '年度終了後の訂正（変更）: 年度が終わった後の商談の変更（updateDeal）のうち、この年度の実績' +
    '（新規商談数・成約・不成立・成約金額・種類別）を変えたもの。変更で増えた分と減った分を項目ごとに示す' +
    '（deals の同じ項目の値から increased を引き decreased を足すと、変更前の値になる）',
})
export class FiscalYearDealChangesModel {
  @Field(() => Int, { description: '変更の件数（同じ商談を2回変更すれば2件）' })
  count: number;

  @Field(() => DealYearFigureMovesModel, { description: '変更で増えた分' })
  increased: DealYearFigureMovesModel;

  @Field(() => DealYearFigureMovesModel, { description: '変更で減った分' })
  decreased: DealYearFigureMovesModel;

  @Field(() => [DealChangeModel], {
    description: '変更（変更した順）。変更前・変更後の値、理由と変更したスタッフ付き',
  })
  changes: DealChangeModel[];
}

@ObjectType('FiscalYearDealAdditions', {
  description:
    '年度終了後の訂正（追加）: 年度が終わった後に記録（recordDeal）された、この年度の実績に数えられる商談' +
    '（開始日・成約日・不成立日のいずれかが年度内のもの）。各値は記録で増えた分（deals の同じ項目の値から引くと、' +
    '記録前の値になる）',
})
export class FiscalYearDealAdditionsModel extends DealYearFigures {
  @Field(() => Int, { description: '記録された商談の件数' })
  deals: number;

  @Field(() => [DealAdditionModel], {
    description: '記録された商談（記録した順）。記録したときの内容、理由と記録したスタッフ付き',
  })
  additions: DealAdditionModel[];
}

@ObjectType('FiscalYearFollowUpFigures', {
  description: '団体のフォローアップ（自団体の商談・参加者について自団体で設定したもの）の年度実績',
})
export class FiscalYearFollowUpFiguresModel {
  @Field(() => Int, { description: '期限が年度内のもの（取りやめたものは数えない）' })
  due: number;

  @Field(() => Int, {
    description:
      '年度内に完了したもの（完了日時を日本時間で判定。取りやめは含まない）。商談を削除しても、完了したものは残す商談に移って数えられる',
  })
  done: number;

  @Field(() => Int, { description: '期限が年度内で、集計時点で未完了のもの' })
  open: number;

  @Field(() => Int, { description: 'open のうち、集計時点で期限を過ぎたもの' })
  overdue: number;
}

@ObjectType('FiscalYearSurveyFigures', {
  description: '年度内に開催した（集計時点で開始済みの）主催・共催のイベントのアンケート回答',
})
export class FiscalYearSurveyFiguresModel extends SurveyFiguresModel {}

@ObjectType('FiscalYearTarget', { description: '年度目標と、その項目の実績・達成率' })
export class FiscalYearTargetModel {
  @Field(() => ReportMetric)
  metric: ReportMetric;

  @Field({ description: '項目の表示名（例: 成約件数）' })
  label: string;

  @Field({
    description:
      '単位（件・人・社・万円・%）。% の項目（GAINED_OPPORTUNITIES_RATE）は目標・実績とも割合で、件数ではない',
  })
  unit: string;

  @Field(() => Int, { description: '目標（unit の単位。% の項目は 0〜100）' })
  target: number;

  @Field(() => Float, {
    nullable: true,
    description:
      '実績（この報告の同じ項目の値、unit の単位。% の項目は小数1桁）。% の項目でアンケートの回答がなければ null',
  })
  actual: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '達成率（%、小数1桁。実績 ÷ 目標）。目標が 0、または実績が null なら null',
  })
  achievementRate: number | null;

  @Field({ description: '目標を最後に設定した日時' })
  updatedAt: Date;
}

@ObjectType('FiscalYearReport', { description: '年度実績報告（4月1日〜翌年3月31日）' })
export class FiscalYearReportModel {
  @Field(() => OrganizationModel)
  organization: OrganizationModel;

  @Field(() => Int, { description: '年度（西暦の開始年。例: 2026）' })
  fiscalYear: number;

  @Field({ description: '年度の表示（例: 令和8年度）' })
  label: string;

  @Field({ description: '年度の初日（YYYY-MM-DD。例: 2026-04-01）' })
  firstDay: string;

  @Field({ description: '年度の末日（YYYY-MM-DD。例: 2027-03-31）' })
  lastDay: string;

  @Field({ description: '集計日時（未完了・期限超過はこの時点で判定）' })
  generatedAt: Date;

  @Field(() => FiscalYearEventFiguresModel)
  events: FiscalYearEventFiguresModel;

  @Field(() => FiscalYearParticipationFiguresModel)
  participation: FiscalYearParticipationFiguresModel;

  @Field(() => FiscalYearMeetingRequestFiguresModel)
  meetingRequests: FiscalYearMeetingRequestFiguresModel;

  @Field(() => FiscalYearMeetingFiguresModel)
  meetings: FiscalYearMeetingFiguresModel;

  @Field(() => FiscalYearDealFiguresModel, {
    description:
      '商談の年度実績（集計時点の値）。年度が終わった後に削除された商談は含まず、変更された商談は変更後の値で、' +
      '年度が終わった後に記録された商談も含めて数える' +
      '（dealsDeletedAfterYearEnd・dealsChangedAfterYearEnd・dealsAddedAfterYearEnd を参照）',
  })
  deals: FiscalYearDealFiguresModel;

  @Field(() => FiscalYearDealDeletionsModel, {
    nullable: true,
    description:
      '年度終了後の訂正（削除）: 年度が終わった後に削除された商談の件数・金額と、その明細。年度の終了後に' +
      'deals の値が削除でいくら減ったかを示す。年度がまだ終わっていなければ null',
  })
  dealsDeletedAfterYearEnd: FiscalYearDealDeletionsModel | null;

  @Field(() => FiscalYearDealChangesModel, {
    nullable: true,
    description:
      '年度終了後の訂正（変更）: 年度が終わった後の商談の変更（成約の取り消し、金額・種類・日付の訂正など）で' +
      'この年度の実績が動いた分と、その明細。年度がまだ終わっていなければ null',
  })
  dealsChangedAfterYearEnd: FiscalYearDealChangesModel | null;

  @Field(() => FiscalYearDealAdditionsModel, {
    nullable: true,
    description:
      '年度終了後の訂正（追加）: 年度が終わった後に記録された、この年度の実績に数えられる商談（年度内に始まった・' +
      '成約した商談の記録漏れなど）の件数・金額と、その明細。年度の終了後に deals の値が記録でいくら増えたかを示す。' +
      '年度がまだ終わっていなければ null',
  })
  dealsAddedAfterYearEnd: FiscalYearDealAdditionsModel | null;

  @Field(() => FiscalYearFollowUpFiguresModel)
  followUps: FiscalYearFollowUpFiguresModel;

  @Field(() => FiscalYearSurveyFiguresModel)
  surveys: FiscalYearSurveyFiguresModel;

  @Field(() => [FiscalYearTargetModel], {
    description:
      '年度目標を設定した項目の目標・実績・達成率（setFiscalYearTargets で設定。項目の順は報告と同じ）',
  })
  targets: FiscalYearTargetModel[];
}
