import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Yen } from '../../common/graphql/yen.scalar';
import { Deal } from '../../deals/deal.entity';
import {
  DEAL_STAGE_LABEL,
  DEAL_STAGE_LABEL_EN,
  DEAL_TYPE_LABEL,
  DEAL_TYPE_LABEL_EN,
  DealStage,
  DealType,
} from '../../deals/deal-enums';
import { FollowUp } from '../../deals/follow-up.entity';
import { EmailChangeCallOffReason, EmailChangeRequest } from '../../email-change/email-change-request.entity';
import { Event } from '../../events/event.entity';
import { EventKind } from '../../events/event-enums';
import { eventTitleFor, eventVenueFor } from '../../events/event-title';
import { OutboxMessage } from '../../mail/outbox-message.entity';
import { MiniSalonRequestModel } from '../../mini-salons/models/mini-salon-request.model';
import { OUTBOX_STATUS_LABEL, OUTBOX_STATUS_LABEL_EN, OutboxStatus } from '../../mail/outbox-status';
import { Suggestion } from '../../matching/suggestion.entity';
import { Meeting } from '../../meetings/meeting.entity';
import { AgendaView } from '../../meetings/agenda-view.entity';
import {
  MEETING_REQUEST_STATUS_LABEL,
  MEETING_REQUEST_STATUS_LABEL_EN,
  MEETING_STATUS_LABEL,
  MEETING_STATUS_LABEL_EN,
  MeetingRequestStatus,
  MeetingStatus,
} from '../../meetings/meeting-enums';
import { MeetingRequest } from '../../meetings/meeting-request.entity';
import { effectiveStatus } from '../../meetings/meeting-requests.service';
import { Registration } from '../../registrations/registration.entity';
import { EventRole, RegistrationStatus } from '../../registrations/registration-enums';
import {
  REGISTRATION_STATUS_LABEL,
  REGISTRATION_STATUS_LABEL_EN,
} from '../../registrations/registration-labels';
import { SurveyResponse } from '../../surveys/survey-response.entity';
import { Company } from '../../participants/company.entity';
import { industryNameFor } from '../../participants/industry-name';
import { organizationNameFor } from '../../organizations/organization-name';
import { Participant } from '../../participants/participant.entity';
import { MergedParticipant } from '../../participant-merge/merged-participant.entity';
import { ERASED_FIELD_DESCRIPTION } from '../../participants/participant-label';
import { ParticipantLastUpdateModel } from '../../participants/models/participant-last-update.model';
import { ProfileChangeModel } from '../../participants/models/profile-change.model';
import { Locale, ParticipantKind } from '../../participants/participant-kind';

// The types below describe one person's own data and are built only by MyDataService. They are
// separate from Participant, Registration, Meeting… on purpose: those types follow what staff and
// other participants may see, these follow what the person is entitled to receive about
// themself, and either may change without the other. Each is written in the person's language
// (`locale`): labels, event titles and venues and organisation names in English for a participant
// whose locale is en, as their emails are.

type Reader = 'ja' | 'en';

@ObjectType('MyDataCompany', { description: '所属する事業者（保存されているすべての項目）' })
export class MyDataCompanyModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: '法人番号' })
  corporateNumber: string | null;

  @Field(() => String, { nullable: true, description: 'JSIC 大分類コード（A〜T）' })
  industry: string | null;

  @Field(() => String, { nullable: true, description: '業種名（英語の参加者には英語）' })
  industryName: string | null;

  @Field(() => String, { nullable: true })
  municipality: string | null;

  @Field(() => Int, { nullable: true })
  employees: number | null;

  @Field()
  description: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  static from(company: Company, locale: Reader): MyDataCompanyModel {
    return Object.assign(new MyDataCompanyModel(), {
      id: company.id,
      name: company.name,
      corporateNumber: company.corporateNumber,
      industry: company.industry,
      industryName: industryNameFor(company.industry, locale),
      municipality: company.municipality,
      employees: company.employees,
      description: company.description,
      createdAt: company.createdAt,
      updatedAt: company.updatedAt,
    });
  }
}

@ObjectType('MyDataProfile', { description: '本人のプロフィール（保存されているすべての項目）' })
export class MyDataProfileModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field({ description: 'フリガナ' })
  furigana: string;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => ParticipantKind)
  kind: ParticipantKind;

  @Field(() => Locale)
  locale: Locale;

  @Field(() => MyDataCompanyModel, { nullable: true })
  company: MyDataCompanyModel | null;

  @Field(() => [String], { description: '提供できること' })
  offers: string[];

  @Field(() => [String], { description: '求めること' })
  needs: string[];

  @Field(() => [String])
  themes: string[];

  @Field(() => [String], { description: '主催団体が付けた分類ラベル' })
  tags: string[];

  @Field()
  offersText: string;

  @Field()
  needsText: string;

  @Field({ description: 'マッチングへの同意' })
  consentMatchmaking: boolean;

  @Field({ description: 'メール受信への同意' })
  consentEmail: boolean;

  @Field({ description: '面談成立時の連絡先共有への同意' })
  consentContactSharing: boolean;

  @Field({ description: '配信停止（お知らせメールを受け取らない）' })
  emailOptOut: boolean;

  @Field(() => Date, { nullable: true })
  emailOptOutAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'アドレスに届かなかったため送信を止めた日時' })
  emailSuppressedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => ParticipantLastUpdateModel, {
    nullable: true,
    description: 'プロフィールを最後に変更したのは誰か（本人、またはどの団体のスタッフか）と日時',
  })
  lastUpdate: ParticipantLastUpdateModel | null;

  /** Expects company loaded. */
  static from(participant: Participant, locale: Reader): MyDataProfileModel {
    return Object.assign(new MyDataProfileModel(), {
      id: participant.id,
      email: participant.email,
      name: participant.name,
      furigana: participant.furigana,
      title: participant.title,
      phone: participant.phone,
      kind: participant.kind,
      locale: participant.locale,
      company: participant.company ? MyDataCompanyModel.from(participant.company, locale) : null,
      offers: participant.offers,
      needs: participant.needs,
      themes: participant.themes,
      tags: participant.tags,
      offersText: participant.offersText,
      needsText: participant.needsText,
      consentMatchmaking: participant.consentMatchmaking,
      consentEmail: participant.consentEmail,
      consentContactSharing: participant.consentContactSharing,
      emailOptOut: participant.emailOptOut,
      emailOptOutAt: participant.emailOptOutAt,
      emailSuppressedAt: participant.emailSuppressedAt,
      createdAt: participant.createdAt,
      updatedAt: participant.updatedAt,
      lastUpdate: ParticipantLastUpdateModel.from(participant),
    });
  }
}

@ObjectType('MyDataEvent', { description: 'イベント（概要）' })
export class MyDataEventModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'イベント名（英語の参加者には、あれば英語のイベント名）' })
  title: string;

  @Field(() => EventKind)
  kind: EventKind;

  @Field(() => String, { nullable: true, description: '会場（英語の参加者には、あれば英語の会場名）' })
  venue: string | null;

  @Field()
  startsAt: Date;

  @Field()
  endsAt: Date;

  static from(event: Event, locale: Reader): MyDataEventModel {
    return Object.assign(new MyDataEventModel(), {
      id: event.id,
      title: eventTitleFor(event, locale),
      kind: event.kind,
      venue: eventVenueFor(event, locale),
      startsAt: event.startsAt,
      endsAt: event.endsAt,
    });
  }
}

@ObjectType('MyDataPerson', {
  description: '相手の氏名・事業者名。連絡先は面談に双方が合意した相手のときだけ表示され、それ以外は null',
})
export class MyDataPersonModel {
  @Field()
  name: string;

  @Field({ description: ERASED_FIELD_DESCRIPTION })
  erased: boolean;

  @Field(() => String, { nullable: true })
  companyName: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  /** Expects company loaded; `showContact` is the caller's decision (the contact-sharing rule). */
  static from(participant: Participant, showContact: boolean): MyDataPersonModel {
    return Object.assign(new MyDataPersonModel(), {
      name: participant.name,
      erased: Boolean(participant.erasedAt),
      companyName: participant.company?.name ?? null,
      email: showContact ? participant.email : null,
      phone: showContact ? participant.phone : null,
    });
  }
}

@ObjectType('MyDataRegistration', { description: '参加登録' })
export class MyDataRegistrationModel {
  @Field(() => ID)
  id: string;

  @Field(() => MyDataEventModel)
  event: MyDataEventModel;

  @Field(() => RegistrationStatus)
  status: RegistrationStatus;

  @Field({ description: '状態の表示（参加登録済・キャンセル待ちなど。英語の参加者には英語）' })
  statusLabel: string;

  @Field(() => EventRole)
  role: EventRole;

  @Field(() => String, { nullable: true })
  booth: string | null;

  @Field(() => Date, { nullable: true })
  registeredAt: Date | null;

  @Field(() => Date, { nullable: true })
  waitlistedAt: Date | null;

  @Field(() => Date, { nullable: true })
  checkedInAt: Date | null;

  @Field()
  createdAt: Date;

  /** Expects event loaded. */
  static from(registration: Registration, locale: Reader): MyDataRegistrationModel {
    return Object.assign(new MyDataRegistrationModel(), {
      id: registration.id,
      event: MyDataEventModel.from(registration.event, locale),
      status: registration.status,
      statusLabel: (locale === 'en' ? REGISTRATION_STATUS_LABEL_EN : REGISTRATION_STATUS_LABEL)[
        registration.status
      ],
      role: registration.role,
      booth: registration.booth,
      registeredAt: registration.registeredAt,
      waitlistedAt: registration.waitlistedAt,
      checkedInAt: registration.checkedInAt,
      createdAt: registration.createdAt,
    });
  }
}

@ObjectType('MyDataMeetingRequest', { description: '面談申込（送った・受けた）' })
export class MyDataMeetingRequestModel {
  @Field(() => ID)
  id: string;

  @Field(() => MyDataEventModel)
  event: MyDataEventModel;

  @Field(() => MyDataPersonModel, { description: '相手' })
  other: MyDataPersonModel;

  @Field({ description: '申込者が添えたメッセージ' })
  message: string;

  @Field({ description: '申込を受けた側が回答に添えたメッセージ' })
  reply: string;

  @Field(() => MeetingRequestStatus)
  status: MeetingRequestStatus;

  @Field()
  statusLabel: string;

  @Field()
  autoAccepted: boolean;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  respondedAt: Date | null;

  @Field(() => ID, {
    nullable: true,
    description:
      '本人が、今の登録にまとめられた以前の登録（mergedProfiles）から送った申込なら、その登録の ID。受けた申込では null',
  })
  mergedProfileId: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      '登録の統合（名寄せ）で同じ相手との申込が2件になり、取り下げとなった申込なら、代わりに続いている申込の ID',
  })
  continuedAsId: string | null;

  @Field()
  createdAt: Date;

  /**
   * Expects event loaded; `other` is the side that is not the person themself. Which profile a
   * request was asked from is the requester's: given in the export of the one who sent it only.
   */
  static from(
    request: MeetingRequest,
    other: MyDataPersonModel,
    locale: Reader,
    { sent }: { sent: boolean },
  ): MyDataMeetingRequestModel {
    const status = effectiveStatus(request);
    return Object.assign(new MyDataMeetingRequestModel(), {
      id: request.id,
      event: MyDataEventModel.from(request.event, locale),
      other,
      message: request.message,
      reply: request.reply,
      status,
      statusLabel: (locale === 'en' ? MEETING_REQUEST_STATUS_LABEL_EN : MEETING_REQUEST_STATUS_LABEL)[status],
      autoAccepted: request.autoAccepted,
      expiresAt: request.expiresAt,
      respondedAt: request.respondedAt,
      mergedProfileId: sent ? request.requestedAsId : null,
      continuedAsId: request.continuedAsId,
      createdAt: request.createdAt,
    });
  }
}

@ObjectType('MyDataMergedProfile', {
  description:
    '今の登録にまとめられた（名寄せ）、本人の以前の登録: その ID と、まとめたときの氏名・事業者名。その登録あてのメールのリンクと、その登録から送った面談申込のページのために保存しています',
})
export class MyDataMergedProfileModel {
  @Field(() => ID, { description: '以前の登録の ID' })
  id: string;

  @Field(() => String, { nullable: true, description: 'まとめたときの氏名（記録のない古い統合では null）' })
  name: string | null;

  @Field(() => String, { nullable: true, description: 'まとめたときの事業者名' })
  companyName: string | null;

  @Field({ description: 'まとめた日時' })
  mergedAt: Date;

  static from(merged: MergedParticipant): MyDataMergedProfileModel {
    return Object.assign(new MyDataMergedProfileModel(), {
      id: merged.mergedId,
      name: merged.name,
      companyName: merged.companyName,
      mergedAt: merged.mergedAt,
    });
  }
}

@ObjectType('MyDataMeeting', { description: '面談' })
export class MyDataMeetingModel {
  @Field(() => ID)
  id: string;

  @Field(() => MyDataEventModel)
  event: MyDataEventModel;

  @Field(() => MyDataPersonModel, { description: '相手' })
  other: MyDataPersonModel;

  @Field()
  startsAt: Date;

  @Field()
  endsAt: Date;

  @Field({ description: '商談枠の名前（商談枠のないイベントで会場内で会う面談では空）' })
  sessionName: string;

  @Field(() => String, {
    nullable: true,
    description: 'テーブル番号またはブース（会場内で会う面談では null。日時はイベントの開始・終了）',
  })
  table: string | null;

  @Field(() => MeetingStatus)
  status: MeetingStatus;

  @Field()
  statusLabel: string;

  @Field({ description: '本人が欠席と記録されているか' })
  noShow: boolean;

  /** Expects event, session and sides loaded. */
  static from(
    meeting: Meeting,
    participantId: string,
    other: MyDataPersonModel,
    locale: Reader,
  ): MyDataMeetingModel {
    return Object.assign(new MyDataMeetingModel(), {
      id: meeting.id,
      event: MyDataEventModel.from(meeting.event, locale),
      other,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      sessionName: meeting.session?.name ?? '',
      table: meeting.tableLabel,
      status: meeting.status,
      statusLabel: (locale === 'en' ? MEETING_STATUS_LABEL_EN : MEETING_STATUS_LABEL)[meeting.status],
      noShow: meeting.sides.some((side) => side.participantId === participantId && side.noShow),
    });
  }
}

@ObjectType('MyDataSuggestion', { description: '本人あてのおすすめ' })
export class MyDataSuggestionModel {
  @Field(() => ID)
  id: string;

  @Field(() => MyDataEventModel)
  event: MyDataEventModel;

  @Field(() => MyDataPersonModel, { description: 'おすすめの相手' })
  suggested: MyDataPersonModel;

  @Field(() => Int)
  rank: number;

  @Field(() => Float)
  score: number;

  @Field(() => [String])
  reasons: string[];

  @Field()
  dismissed: boolean;

  @Field()
  createdAt: Date;

  /** Expects event loaded. */
  static from(suggestion: Suggestion, suggested: MyDataPersonModel, locale: Reader): MyDataSuggestionModel {
    return Object.assign(new MyDataSuggestionModel(), {
      id: suggestion.id,
      event: MyDataEventModel.from(suggestion.event, locale),
      suggested,
      rank: suggestion.rank,
      score: suggestion.score,
      reasons: suggestion.reasons,
      dismissed: suggestion.dismissed,
      createdAt: suggestion.createdAt,
    });
  }
}

@ObjectType('MyDataSurveyAnswer', { description: 'アンケートの回答' })
export class MyDataSurveyAnswerModel {
  @Field(() => MyDataEventModel)
  event: MyDataEventModel;

  @Field({ description: '受注機会の拡大につながったか' })
  gainedOpportunities: boolean;

  @Field(() => Int, { description: '満足度 1〜5' })
  satisfaction: number;

  @Field()
  comment: string;

  @Field()
  answeredAt: Date;

  @Field()
  updatedAt: Date;

  /** Expects event loaded. */
  static from(response: SurveyResponse, locale: Reader): MyDataSurveyAnswerModel {
    return Object.assign(new MyDataSurveyAnswerModel(), {
      event: MyDataEventModel.from(response.event, locale),
      gainedOpportunities: response.gainedOpportunities,
      satisfaction: response.satisfaction,
      comment: response.comment,
      answeredAt: response.createdAt,
      updatedAt: response.updatedAt,
    });
  }
}

@ObjectType('MyDataEmail', {
  description: '本人あてのメール。件名と本文は送信時に組み立てて保存していないため、種類と送信状況を示す',
})
export class MyDataEmailModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'メールの種類（invitation など）' })
  template: string;

  @Field(() => MyDataEventModel, { nullable: true })
  event: MyDataEventModel | null;

  @Field(() => OutboxStatus)
  status: OutboxStatus;

  @Field()
  statusLabel: string;

  @Field(() => String, { nullable: true, description: '送信しなかった理由（配信停止など）' })
  skipReason: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '登録のアドレス以外に送ったメールの宛先（メールアドレス変更の確認・お知らせ）。確定しなかった変更先は、申込の変更先とともに消去され、forgotten-（申込ID）@invalid',
  })
  toAddress: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;

  /** Expects event loaded (it may be null). */
  static from(message: OutboxMessage, locale: Reader): MyDataEmailModel {
    return Object.assign(new MyDataEmailModel(), {
      id: message.id,
      template: message.template,
      event: message.event ? MyDataEventModel.from(message.event, locale) : null,
      status: message.status,
      statusLabel: (locale === 'en' ? OUTBOX_STATUS_LABEL_EN : OUTBOX_STATUS_LABEL)[message.status],
      skipReason: message.skipReason,
      toAddress: message.toAddress,
      createdAt: message.createdAt,
      sentAt: message.sentAt,
    });
  }
}

@ObjectType('MyDataEmailChangeRequest', { description: 'メールアドレス変更の申込' })
export class MyDataEmailChangeRequestModel {
  @Field(() => String, {
    nullable: true,
    description:
      '変更先として申し込んだメールアドレス。確定しなかった申込のものは、置き換え・取り消し・期限切れから一定期間（既定 90 日）後に消去され、null',
  })
  newEmail: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: '変更を確定した日時（未確定は null）' })
  confirmedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'あとの申込に置き換わった日時（このときから、この申込の確認のリンクは使えない）',
  })
  replacedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: '確定する前に取り消された日時（このときから、この申込の確認のリンクは使えない）',
  })
  calledOffAt: Date | null;

  @Field(() => EmailChangeCallOffReason, {
    nullable: true,
    description: '取り消された理由（取り消されていなければ null）',
  })
  calledOffReason: EmailChangeCallOffReason | null;

  static from(request: EmailChangeRequest): MyDataEmailChangeRequestModel {
    return Object.assign(new MyDataEmailChangeRequestModel(), {
      newEmail: request.newEmail,
      createdAt: request.createdAt,
      confirmedAt: request.confirmedAt,
      replacedAt: request.replacedAt,
      calledOffAt: request.calledOffAt,
      calledOffReason: request.calledOffReason,
    });
  }
}

@ObjectType('MyDataAgendaView', {
  description: '面談スケジュールを確認済みにした記録（イベントごとに最後の 1件。以後の変更に印をつけるため）',
})
export class MyDataAgendaViewModel {
  @Field(() => MyDataEventModel)
  event: MyDataEventModel;

  @Field()
  seenAt: Date;

  /** Expects event loaded. */
  static from(view: AgendaView, locale: Reader): MyDataAgendaViewModel {
    return Object.assign(new MyDataAgendaViewModel(), {
      event: MyDataEventModel.from(view.event!, locale),
      seenAt: view.seenAt,
    });
  }
}

@ObjectType('MyDataDeal', {
  description:
    '本人が当事者の商談（主催団体のスタッフが記録したもの）。記録したスタッフの氏名は含まず、記録した団体名のみ',
})
export class MyDataDealModel {
  @Field(() => ID)
  id: string;

  @Field({ description: '記録した主催団体（英語の参加者には、あれば英語の団体名）' })
  organizationName: string;

  @Field(() => MyDataEventModel, { nullable: true, description: 'きっかけになったイベント' })
  event: MyDataEventModel | null;

  @Field(() => MyDataPersonModel, {
    nullable: true,
    description: '相手（氏名・事業者名。連絡先は他と同じ規則。名簿から削除された相手は null）',
  })
  other: MyDataPersonModel | null;

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

  @Field({ description: 'スタッフのメモ' })
  notes: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  /** Expects organisation and event loaded; `other` is the other party as the export shows people. */
  static from(deal: Deal, other: MyDataPersonModel | null, locale: Reader): MyDataDealModel {
    return Object.assign(new MyDataDealModel(), {
      id: deal.id,
      organizationName: organizationNameFor(deal.organization, locale),
      event: deal.event ? MyDataEventModel.from(deal.event, locale) : null,
      other,
      type: deal.type,
      typeLabel: (locale === 'en' ? DEAL_TYPE_LABEL_EN : DEAL_TYPE_LABEL)[deal.type],
      stage: deal.stage,
      stageLabel: (locale === 'en' ? DEAL_STAGE_LABEL_EN : DEAL_STAGE_LABEL)[deal.stage],
      title: deal.title,
      amountYen: deal.amountYen,
      startedOn: deal.startedOn,
      closedOn: deal.closedOn,
      notes: deal.notes,
      createdAt: deal.createdAt,
      updatedAt: deal.updatedAt,
    });
  }
}

const FOLLOW_UP_TEXT = {
  ja: {
    onDeal: '商談のフォローアップ',
    onPlan: '計画のフォローアップ',
    open: '未完了',
    done: '完了',
    cancelled: '取りやめ',
  },
  en: {
    onDeal: 'Follow-up on a deal',
    onPlan: 'Follow-up on your plans',
    open: 'Open',
    done: 'Done',
    cancelled: 'Cancelled',
  },
} as const;

@ObjectType('MyDataFollowUp', {
  description:
    'フォローアップ: 本人が当事者の商談、または本人の計画について、主催団体のスタッフが期日を決めて行う確認。スタッフの氏名は含まず、団体名のみ',
})
export class MyDataFollowUpModel {
  @Field(() => ID)
  id: string;

  @Field({ description: '確認する主催団体（英語の参加者には、あれば英語の団体名）' })
  organizationName: string;

  @Field(() => ID, {
    nullable: true,
    description: '対象の商談（deals の id）。本人の計画についてのものは null',
  })
  dealId: string | null;

  @Field({ description: '商談のフォローアップ・計画のフォローアップ' })
  kindLabel: string;

  @Field({ description: '期日（YYYY-MM-DD）' })
  dueOn: string;

  @Field({ description: '確認すること' })
  notes: string;

  @Field({ description: '確認した結果' })
  result: string;

  @Field({ description: '未完了・完了・取りやめ' })
  statusLabel: string;

  @Field(() => Date, { nullable: true, description: '完了した日時' })
  doneAt: Date | null;

  @Field(() => Date, { nullable: true, description: '取りやめた日時' })
  cancelledAt: Date | null;

  @Field()
  createdAt: Date;

  /** Expects organisation loaded. */
  static from(followUp: FollowUp, locale: Reader): MyDataFollowUpModel {
    const cancelled = followUp.cancelledAt !== null;
    const text = FOLLOW_UP_TEXT[locale];
    return Object.assign(new MyDataFollowUpModel(), {
      id: followUp.id,
      organizationName: organizationNameFor(followUp.organization, locale),
      dealId: followUp.dealId,
      kindLabel: followUp.dealId ? text.onDeal : text.onPlan,
      dueOn: followUp.dueOn,
      notes: followUp.notes,
      result: followUp.result,
      statusLabel: cancelled ? text.cancelled : followUp.doneAt ? text.done : text.open,
      // A cancelled one is closed (doneAt) but was not done.
      doneAt: cancelled ? null : followUp.doneAt,
      cancelledAt: followUp.cancelledAt,
      createdAt: followUp.createdAt,
    });
  }
}

@ObjectType('MyData', { description: '本人について保存されている情報（個人情報の開示）' })
export class MyDataModel {
  @Field()
  exportedAt: Date;

  @Field(() => MyDataProfileModel)
  profile: MyDataProfileModel;

  @Field(() => [ProfileChangeModel], { description: 'プロフィールの変更履歴（すべて、新しい順）' })
  profileChanges: ProfileChangeModel[];

  @Field(() => [MyDataMergedProfileModel], {
    description: '今の登録にまとめられた（名寄せ）以前の登録（まとめた順）',
  })
  mergedProfiles: MyDataMergedProfileModel[];

  @Field(() => [MyDataRegistrationModel])
  registrations: MyDataRegistrationModel[];

  @Field(() => [MyDataMeetingRequestModel])
  meetingRequestsSent: MyDataMeetingRequestModel[];

  @Field(() => [MyDataMeetingRequestModel])
  meetingRequestsReceived: MyDataMeetingRequestModel[];

  @Field(() => [MyDataMeetingModel])
  meetings: MyDataMeetingModel[];

  @Field(() => [MyDataSuggestionModel])
  suggestions: MyDataSuggestionModel[];

  @Field(() => [MyDataSurveyAnswerModel])
  surveyAnswers: MyDataSurveyAnswerModel[];

  @Field(() => [MiniSalonRequestModel], { description: 'ミニサロン開催要望' })
  miniSalonRequests: MiniSalonRequestModel[];

  @Field(() => [MyDataEmailModel])
  emails: MyDataEmailModel[];

  @Field(() => [MyDataEmailChangeRequestModel])
  emailChangeRequests: MyDataEmailChangeRequestModel[];

  @Field(() => [MyDataAgendaViewModel])
  agendaViews: MyDataAgendaViewModel[];

  @Field(() => [MyDataDealModel], { description: '本人が当事者の商談（開始日順）' })
  deals: MyDataDealModel[];

  @Field(() => [MyDataFollowUpModel], {
    description: 'それらの商談と本人の計画についてのフォローアップ（期日順）',
  })
  followUps: MyDataFollowUpModel[];

  @Field(() => Int, { description: '本人が当事者として記録されている商談の件数（deals の件数）' })
  dealCount: number;

  @Field({ description: '上と同じ内容の JSON（整形済み）。ファイルとして保存できる' })
  json: string;
}
