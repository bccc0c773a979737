import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection';
import { ParticipantModel } from '../../participants/models/participant.model';
import { Registration } from '../registration.entity';
import { EventRole, RegistrationStatus } from '../registration-enums';
import { REGISTRATION_STATUS_LABEL, REGISTRATION_STATUS_LABEL_EN } from '../registration-labels';
import { RegistrationEventModel } from './registration-event.model';

@ObjectType('Registration', { description: '参加登録' })
export class RegistrationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => ParticipantModel)
  participant: ParticipantModel;

  @Field(() => RegistrationStatus)
  status: RegistrationStatus;

  @Field({
    description: '状態の表示（参加登録済・キャンセル待ちなど。言語設定が英語の参加者には英語）',
  })
  statusLabel: string;

  @Field(() => RegistrationEventModel, {
    nullable: true,
    description: '参加登録のイベント（自分の参加登録 myRegistrations でのみ。それ以外では null）',
  })
  event: RegistrationEventModel | null;

  @Field(() => EventRole)
  role: EventRole;

  @Field(() => String, { nullable: true, description: 'ブース番号（出展者）' })
  booth: string | null;

  @Field(() => Date, { nullable: true })
  registeredAt: Date | null;

  @Field(() => Date, { nullable: true })
  waitlistedAt: Date | null;

  @Field(() => Date, { nullable: true })
  checkedInAt: Date | null;

  @Field()
  createdAt: Date;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '招待中（未回答）の方で、招待メールを送れなかった（メール受信の同意なし・配信停止・宛先不明など）: 電話などでご案内を。' +
      '招待中でない登録と、イベントの参加者一覧 registrations 以外では null',
  })
  invitationNotSent: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'ブースを変更したときに配置を取り消した、未公開の面談の数（updateRegistration と、登録済みの方のブースをスタッフが register で' +
      '設定したときの回答でのみ。それ以外では null）。' +
      '取り消した面談は「成立・未配置」に戻り、次回の自動配置で新しいブースに配置し直します。' +
      '公開済みの面談があるブースは変更できません',
  })
  placementsRemoved: number | null;

  /**
   * Expects participant (with company) loaded. `locale` is the reader's (ja for staff); the event
   * is shown when it is given, loaded (myRegistrations).
   */
  static from(
    registration: Registration,
    showContact: boolean,
    locale: 'ja' | 'en' = 'ja',
    withEvent = false,
  ): RegistrationModel {
    return Object.assign(new RegistrationModel(), {
      id: registration.id,
      eventId: registration.eventId,
      participant: ParticipantModel.from(registration.participant, showContact),
      status: registration.status,
      statusLabel: (locale === 'en' ? REGISTRATION_STATUS_LABEL_EN : REGISTRATION_STATUS_LABEL)[
        registration.status
      ],
      event: withEvent ? RegistrationEventModel.from(registration.event, locale) : null,
      role: registration.role,
      booth: registration.booth,
      registeredAt: registration.registeredAt,
      waitlistedAt: registration.waitlistedAt,
      checkedInAt: registration.checkedInAt,
      createdAt: registration.createdAt,
      placementsRemoved: null,
      invitationNotSent:
        'invitationNotSent' in registration
          ? (registration as Registration & { invitationNotSent: boolean | null }).invitationNotSent
          : null,
    });
  }
}

export const RegistrationConnection = Connection(RegistrationModel, 'Registration');
