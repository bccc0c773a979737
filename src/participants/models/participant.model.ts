import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection';
import { Participant } from '../participant.entity';
import { ERASED_FIELD_DESCRIPTION } from '../participant-label';
import { Locale, ParticipantKind } from '../participant-kind';
import { CompanyModel } from './company.model';
import { ParticipantLastUpdateModel } from './participant-last-update.model';

@ObjectType('Participant', { description: '参加者のプロフィール' })
export class ParticipantModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: ERASED_FIELD_DESCRIPTION })
  erased: boolean;

  @Field({ description: 'フリガナ' })
  furigana: string;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => ParticipantKind)
  kind: ParticipantKind;

  @Field(() => Locale)
  locale: Locale;

  @Field(() => CompanyModel, { nullable: true })
  company: CompanyModel | null;

  @Field(() => [String])
  offers: string[];

  @Field(() => [String])
  needs: string[];

  @Field(() => [String])
  themes: string[];

  @Field(() => [String], {
    description: '主催団体が付けた分類ラベル（スタッフ・本人にのみ表示。それ以外は空）',
  })
  tags: string[];

  @Field()
  offersText: string;

  @Field()
  needsText: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'マッチングへの同意（本人の意思表示: スタッフ・本人にのみ表示。それ以外は null）',
  })
  consentMatchmaking: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'メール受信同意（本人の同意。配信停止・不達でもこの値は変わりません。emailOptOut を参照）。スタッフ・本人にのみ表示。それ以外は null',
  })
  consentEmail: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'メール配信停止（本人が配信停止リンクから停止）。true なら同意があっても案内メールは送られません。連絡先と同じく表示できる相手にのみ',
  })
  emailOptOut: boolean | null;

  @Field(() => Date, { nullable: true, description: '配信停止した日時' })
  emailOptOutAt: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'メール不達による送信停止（宛先が恒久的に不達: 5xx）。true ならメールは送られません',
  })
  emailSuppressed: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '面談成立時の連絡先共有への同意（スタッフ・本人にのみ表示。それ以外は null）',
  })
  consentContactSharing: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      '連絡先: スタッフ・本人、および本人が開示に同意していれば面談が成立した相手に表示。それ以外は null',
  })
  email: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '連絡先: スタッフ・本人、および本人が開示に同意していれば面談が成立した相手に表示。それ以外は null',
  })
  phone: string | null;

  @Field(() => ParticipantLastUpdateModel, {
    nullable: true,
    description:
      '最終更新（いつ・誰が）: スタッフ・本人にのみ表示。参加者の照会（participant・participants）と登録・更新の結果で返し、他の一覧に含まれる参加者では null',
  })
  lastUpdate: ParticipantLastUpdateModel | null;

  /**
   * `showContact` and `showStaffLabels` are the caller's decisions (maySeeContact and
   * maySeeStaffLabels in participant-access.ts): the model only obeys them. Whoever may see the
   * contact details without an agreed meeting (staff, the person) may see the labels and consents
   * too, hence the default.
   */
  static from(
    participant: Participant,
    showContact: boolean,
    showStaffLabels = showContact,
  ): ParticipantModel {
    return Object.assign(new ParticipantModel(), {
      id: participant.id,
      name: participant.name,
      erased: Boolean(participant.erasedAt),
      furigana: participant.furigana,
      title: participant.title,
      kind: participant.kind,
      locale: participant.locale,
      company: participant.company ? CompanyModel.from(participant.company) : null,
      offers: participant.offers,
      needs: participant.needs,
      themes: participant.themes,
      tags: showStaffLabels ? participant.tags : [],
      // Participants inside other lists come without the author loaded: null there.
      lastUpdate: showStaffLabels ? ParticipantLastUpdateModel.from(participant) : null,
      offersText: participant.offersText,
      needsText: participant.needsText,
      // The person's own choices, like the labels: not for other participants to read, not even the
      // other side of an agreed meeting (who learns what sharing allows from the contact shown).
      consentMatchmaking: showStaffLabels ? participant.consentMatchmaking : null,
      consentEmail: showStaffLabels ? participant.consentEmail : null,
      consentContactSharing: showStaffLabels ? participant.consentContactSharing : null,
      emailOptOut: showContact ? participant.emailOptOut : null,
      emailOptOutAt: showContact ? participant.emailOptOutAt : null,
      emailSuppressed: showContact ? participant.emailSuppressedAt !== null : null,
      email: showContact ? participant.email : null,
      phone: showContact ? participant.phone : null,
    });
  }
}

export const ParticipantConnection = Connection(ParticipantModel, 'Participant');
