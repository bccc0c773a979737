import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Yen } from '../../common/graphql/yen.scalar';
import { DealStage } from '../../deals/deal-enums';
import {
  DealAdditionModel,
  DealChangeModel,
  DealDeletionModel,
} from '../../deals/models/deal-correction.model';
import { EventModel } from '../../events/models/event.model';
import { MeetingStatus } from '../../meetings/meeting-enums';
import { RegistrationStatus } from '../../registrations/registration-enums';
import { MeetingRequestFiguresModel } from './meeting-request-figures.model';
import { SurveyFiguresModel } from './survey-figures.model';

// Computed figures, as in fiscal-year-report.model.ts.

@ObjectType('RegistrationStatusCount', { description: '参加登録の状態別の件数' })
export class RegistrationStatusCountModel {
  @Field(() => RegistrationStatus)
  status: RegistrationStatus;

  @Field({ description: '状態の表示名（例: 出席）' })
  label: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('MeetingStatusCount', { description: '面談の状態別の件数' })
export class MeetingStatusCountModel {
  @Field(() => MeetingStatus)
  status: MeetingStatus;

  @Field({ description: '状態の表示名（例: 実施）' })
  label: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('DealStageFigures', { description: '商談の段階別の件数と金額' })
export class DealStageFiguresModel {
  @Field(() => DealStage)
  stage: DealStage;

  @Field({ description: '段階の表示名（例: 成約）' })
  label: string;

  @Field(() => Int)
  count: number;

  @Field(() => Yen, { description: '金額の合計（円・整数。成約金額・見込額。未入力は0円として合算）' })
  amountYen: number;

  @Field(() => Int, { description: '金額未入力の件数' })
  withoutAmount: number;
}

@ObjectType('EventRegistrationFigures', { description: 'イベントの参加登録と、招待・申込の状況' })
export class EventRegistrationFiguresModel {
  @Field(() => Int, {
    description:
      '参加登録数（参加登録済・出席・欠席。招待中・キャンセル待ち・キャンセル・辞退は含まない）。イベント一覧の参加登録数・年度実績報告の参加登録数と同じ数え方',
  })
  registrations: number;

  @Field(() => Int, {
    description:
      '申込・招待の総数（すべての状態の合計。招待中・キャンセル待ち・キャンセル・辞退を含むため、参加登録数ではない）',
  })
  total: number;

  @Field(() => [RegistrationStatusCountModel], { description: '状態別（すべての状態。合計は total）' })
  byStatus: RegistrationStatusCountModel[];
}

@ObjectType('EventMeetingFigures', { description: 'イベントの面談' })
export class EventMeetingFiguresModel {
  @Field(() => Int, { description: '全件（中止を含む、すべての状態の合計）' })
  total: number;

  @Field(() => [MeetingStatusCountModel], { description: '状態別（すべての状態）' })
  byStatus: MeetingStatusCountModel[];

  @Field(() => Int, {
    description: '配置された面談（中止を除く: 予定・実施・不参加あり の合計）。実施・不参加ありは byStatus',
  })
  placed: number;
}

@ObjectType('EventMeetingRequestFigures', {
  description:
    'イベントの面談申込。状態は一覧（meetingRequests）と同じく、回答期限を過ぎた回答待ちは期限切れとして数える',
})
export class EventMeetingRequestFiguresModel extends MeetingRequestFiguresModel {}

@ObjectType('EventDealFigures', {
  description:
    'イベントから生まれた商談。主催・共催のどの団体が記録したものも数える' +
    '（deals(filter: { eventId }) と商談一覧CSV の eventId 指定で並ぶ行と同じ）',
})
export class EventDealFiguresModel {
  @Field(() => Int, { description: '商談数（すべての段階の合計）' })
  total: number;

  @Field(() => Int, { description: '成約の件数（年度実績報告の成約と同じく、成約した商談だけ）' })
  won: number;

  @Field(() => Yen, {
    description: '成約金額の合計（円・整数。成約した商談だけ。商談中の見込額・不成立は含めない）',
  })
  wonAmountYen: number;

  @Field(() => Int, { description: '金額未入力の成約の件数' })
  wonWithoutAmount: number;

  @Field(() => Yen, {
    description: 'すべての段階（商談中の見込額・不成立を含む）の金額の合計（円・整数）',
    deprecationReason:
      '成約金額と取り違えやすいため。成約金額は wonAmountYen、段階別は byStage を使ってください',
  })
  amountYen: number;

  @Field(() => Int, {
    description: 'すべての段階の金額未入力の件数',
    deprecationReason: '成約分は wonWithoutAmount、段階別は byStage を使ってください',
  })
  withoutAmount: number;

  @Field(() => [DealStageFiguresModel], { description: '段階別（すべての段階。合計は全体の値と一致）' })
  byStage: DealStageFiguresModel[];
}

/** The 成約 figures of an event's deals, as a correction after the end of the event's 年度 moves them. */
@ObjectType({ isAbstract: true })
export abstract class EventWonDealFigures {
  @Field(() => Int, { description: '成約の件数' })
  won: number;

  @Field(() => Yen, { description: '成約金額の合計（円・整数。金額未入力の成約は0円として合算）' })
  wonAmountYen: number;

  @Field(() => Int, { description: '金額未入力の成約の件数' })
  wonWithoutAmount: number;
}

@ObjectType('EventDealDeletions', {
  description:
    '年度終了後の訂正（削除）: イベントの年度が終わった後に削除（deleteDeal）された、このイベントの商談' +
    '（主催・共催のどの団体が記録したものも）。各値は削除で減った分（deals の同じ項目の値に足すと、削除前の値になる）',
})
export class EventDealDeletionsModel extends EventWonDealFigures {
  @Field(() => Int, { description: '削除された商談の件数（deals.total が削除で減った分）' })
  deals: number;

  @Field(() => [DealDeletionModel], {
    description: '削除された商談（削除した順）。理由と削除したスタッフ付き',
  })
  deletions: DealDeletionModel[];
}

@ObjectType('EventDealFigureMoves', {
  description: 'イベントの商談の成約の各項目が動いた分（増えた分・減った分のそれぞれ。0 以上）',
})
export class EventDealFigureMovesModel extends EventWonDealFigures {}

@ObjectType('EventDealChanges', {
  description:
    '年度終了後の訂正（変更）: イベントの年度が終わった後の、このイベントの商談の変更（updateDeal）のうち、' +
    '終了した年度の実績を変えた（理由を入力して記録された）もので、このイベントの集計（段階・金額）も変えたもの。' +
    '段階の変更と、どの段階の金額の変更も含む（商談中の見込額・不成立の金額の変更は deals.byStage の金額だけを動かし、' +
    'increased・decreased は 0）。ただし年度の実績が数える金額は成約のものだけなので、商談中の見込額・不成立の金額を' +
    '変えただけの変更は訂正として記録されず、載らない（段階や日付の訂正と一緒なら載る）。種類・日付だけの訂正は含まない。変更で増えた分と減った分を成約の項目ごとに示す' +
    '（deals の同じ項目の値から increased を引き decreased を足すと、変更前の値になる）',
})
export class EventDealChangesModel {
  @Field(() => Int, { description: '変更の件数（同じ商談を2回変更すれば2件）' })
  count: number;

  @Field(() => EventDealFigureMovesModel, { description: '変更で増えた分' })
  increased: EventDealFigureMovesModel;

  @Field(() => EventDealFigureMovesModel, { description: '変更で減った分' })
  decreased: EventDealFigureMovesModel;

  @Field(() => [DealChangeModel], {
    description: '変更（変更した順）。変更前・変更後の値、理由と変更したスタッフ付き',
  })
  changes: DealChangeModel[];
}

@ObjectType('EventDealAdditions', {
  description:
    '年度終了後の訂正（追加）: イベントの年度が終わった後に記録（recordDeal）された、このイベントの商談' +
    '（主催・共催のどの団体が記録したものも）で、終了した年度の実績に数えられるもの（理由を入力して記録されたもの）。' +
    '各値は記録で増えた分（deals の同じ項目の値から引くと、記録前の値になる）',
})
export class EventDealAdditionsModel extends EventWonDealFigures {
  @Field(() => Int, { description: '記録された商談の件数（deals.total が記録で増えた分）' })
  deals: number;

  @Field(() => [DealAdditionModel], {
    description: '記録された商談（記録した順）。記録したときの内容、理由と記録したスタッフ付き',
  })
  additions: DealAdditionModel[];
}

@ObjectType('EventSurveyFigures', { description: 'イベントのアンケート回答' })
export class EventSurveyFiguresModel extends SurveyFiguresModel {}

@ObjectType('EventReport', { description: 'イベントの実績（参加登録・面談申込・面談・商談・アンケート）' })
export class EventReportModel {
  @Field(() => EventModel)
  event: EventModel;

  @Field({ description: '集計日時' })
  generatedAt: Date;

  @Field(() => EventRegistrationFiguresModel)
  registrations: EventRegistrationFiguresModel;

  @Field(() => EventMeetingRequestFiguresModel)
  meetingRequests: EventMeetingRequestFiguresModel;

  @Field(() => EventMeetingFiguresModel)
  meetings: EventMeetingFiguresModel;

  @Field(() => EventDealFiguresModel, {
    description:
      '商談（集計時点の値）。イベントの年度が終わった後に削除された商談は含まず、変更された商談は変更後の値で、' +
      '記録された商談も含めて数える（dealsDeletedAfterYearEnd・dealsChangedAfterYearEnd・dealsAddedAfterYearEnd を参照）',
  })
  deals: EventDealFiguresModel;

  @Field(() => EventDealDeletionsModel, {
    nullable: true,
    description:
      '年度終了後の訂正（削除）: イベントの年度（event.fiscalYear）が終わった後に削除された、このイベントの商談の件数・' +
      '成約金額と、その明細。年度の終了後に deals の値が削除でいくら減ったかを示す。載るのは、削除した時点で終了していた' +
      '年度の実績に数えられていた商談（削除に理由が要るもの）で、その年度がイベントの年度より後でも載る。削除した年度に' +
      '始まった商談は、まだどの年度の実績にも載っていないので訂正ではなく、載らない。イベントの年度がまだ終わっていなければ null',
  })
  dealsDeletedAfterYearEnd: EventDealDeletionsModel | null;

  @Field(() => EventDealChangesModel, {
    nullable: true,
    description:
      '年度終了後の訂正（変更）: イベントの年度が終わった後の、このイベントの商談の変更（成約の取り消し、金額の訂正など）で' +
      'deals の値が動いた分と、その明細。deals は日付を問わずイベントの商談をすべて数えるが、ここに載るのは終了した年度の' +
      '実績を変えたため訂正として記録された変更だけ。年度の終了後に商談が進んだだけのもの（例: 翌年度の6月に成約）は' +
      '訂正ではなく、載らない。イベントの年度がまだ終わっていなければ null',
  })
  dealsChangedAfterYearEnd: EventDealChangesModel | null;

  @Field(() => EventDealAdditionsModel, {
    nullable: true,
    description:
      '年度終了後の訂正（追加）: イベントの年度（event.fiscalYear）が終わった後に記録された、このイベントの商談の件数・' +
      '成約金額と、その明細。年度の終了後に deals の値が記録でいくら増えたかを示す。載るのは、記録した時点で終了していた' +
      '年度の実績に数えられる商談（記録に理由が要るもの）で、その年度がイベントの年度より後でも載る。記録した年度に' +
      '始まった商談は、どの終了した年度の実績も変えないので訂正ではなく、載らない。イベントの年度がまだ終わっていなければ null',
  })
  dealsAddedAfterYearEnd: EventDealAdditionsModel | null;

  @Field(() => EventSurveyFiguresModel)
  surveys: EventSurveyFiguresModel;
}
