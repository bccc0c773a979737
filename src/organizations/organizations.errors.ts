import { ConflictError, NotFoundError } from '../common/errors/app-error';
import { inBrackets } from '../mail/templates/email-layout';
import { Organization } from './organization.entity';

export enum OrganizationErrorCode {
  NOT_FOUND = 'ORGANIZATION_NOT_FOUND',
  CORPORATE_NUMBER_TAKEN = 'ORGANIZATION_CORPORATE_NUMBER_TAKEN',
  NAME_TAKEN = 'ORGANIZATION_NAME_TAKEN',
  CONTACT_MISSING = 'ORGANIZATION_CONTACT_MISSING',
  CONTACT_IN_USE = 'ORGANIZATION_CONTACT_IN_USE',
}

/** Promotional mail staff start sending for an event (特定電子メール法's 広告・宣伝のメール). */
export type PromotionalMail = 'invitation' | 'digest';

const PROMOTIONAL_MAIL_NAME: Record<PromotionalMail, { ja: string; en: string }> = {
  invitation: { ja: '招待メール', en: 'invitations' },
  digest: { ja: 'おすすめメール', en: 'suggestion digests' },
};

const LAW = {
  ja: '特定電子メール法は、広告・宣伝のメールに送信者の問い合わせ先の表示を求めています',
  en: "the Act on Specified Electronic Mail requires promotional email to give the sender's contact",
};

export const OrganizationErrors = {
  /** `field`: the input that named the organisation, when a client did (not the actor's own). */
  notFound: (id: string, field?: string) =>
    new NotFoundError(
      OrganizationErrorCode.NOT_FOUND,
      `${field === 'coHostIds' ? '共催団体' : '団体'}が見つかりません: ${id}`,
      field,
      id,
    ).withEnglish(`Organisation not found: ${id}`),
  corporateNumberTaken: () =>
    new ConflictError(
      OrganizationErrorCode.CORPORATE_NUMBER_TAKEN,
      'この法人番号の団体は既に登録されています',
      'corporateNumber',
    ),
  nameTaken: (name: string) =>
    new ConflictError(
      OrganizationErrorCode.NAME_TAKEN,
      `同じ名前の団体は既に登録されています: ${name}`,
      'name',
    ),
  /**
   * Starting promotional mail for an event whose organiser has no contact point: the emails would
   * carry none, and an invitee past the 申込締切 would be told to ask an organiser they cannot reach.
   * Only an admin gives an organisation its contact, so the message says who and with what.
   */
  contactMissing: (organization: Pick<Organization, 'name' | 'nameEn'>, mail: PromotionalMail) =>
    new ConflictError(
      OrganizationErrorCode.CONTACT_MISSING,
      `主催団体（${organization.name}）の問い合わせ先（メールアドレス・電話番号）が未登録のため、${PROMOTIONAL_MAIL_NAME[mail].ja}を送れません（${LAW.ja}）。` +
        '管理者が updateOrganizationContact で contactEmail（問い合わせ先メールアドレス）か contactPhone（問い合わせ先電話番号）を登録してから、もう一度お送りください',
      'eventId',
    ).withEnglish(
      `The organiser (${organization.nameEn ?? organization.name}) has no contact email or phone number, so ${PROMOTIONAL_MAIL_NAME[mail].en} cannot be sent: ${LAW.en}. ` +
        'Ask an admin to add its contactEmail or contactPhone with updateOrganizationContact, then send them again.',
    ),
  /**
   * An edit that would leave the organisation with no contact point while its coming events have
   * invitations or digests out: those waiting would leave without one, and its invitees could no
   * longer be told whom to ask. `field`: the contact the edit cleared.
   */
  contactInUse: (
    organization: Pick<Organization, 'name' | 'nameEn'>,
    events: { titles: string[]; count: number },
    field: 'contactEmail' | 'contactPhone',
  ) => {
    const more = events.count - events.titles.length;
    const ja = events.titles.map(inBrackets).join('、') + (more > 0 ? ` ほか${more}件` : '');
    const en = events.titles.map((title) => `"${title}"`).join(', ') + (more > 0 ? ` and ${more} more` : '');
    return new ConflictError(
      OrganizationErrorCode.CONTACT_IN_USE,
      `${organization.name}には、招待メール・おすすめメールを送った（または送信待ちの）これから開催するイベントがあるため（${ja}）、問い合わせ先のメールアドレスと電話番号を両方とも消すことはできません（${LAW.ja}）。` +
        '変更する場合は、新しい contactEmail（問い合わせ先メールアドレス）か contactPhone（問い合わせ先電話番号）を同時に登録してください',
      field,
    ).withEnglish(
      `${organization.nameEn ?? organization.name} has coming events whose invitations or suggestion digests were sent or are waiting to be sent (${en}), so it cannot be left without both a contact email and a phone number: ${LAW.en}. ` +
        'To change them, give the new contactEmail or contactPhone in the same edit.',
    );
  },
};
