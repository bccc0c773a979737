import { EventMailContext } from '../mail/event-mail-context';
import {
  EmailDetail,
  MailLocale,
  organiserContactPoint,
  organiserToAsk,
} from '../mail/templates/email-layout';
import { formatDeadline } from '../mail/templates/mail-dates';

/**
 * What an email that invites says when it leaves after the 申込締切 (a busy worker, an inbox that
 * said "try later"): 参加する would be refused, as its page says, so there is no such button; it
 * says the deadline passed and whom to ask, as the 日時変更 email sent after it does. 辞退する still
 * works, so its button stays.
 */
export interface AnswerClosed {
  paragraph: string;
  /** 申込締切: … （受付終了）, among the details. */
  detail: EmailDetail;
}

/** The 申込締切 as it is when the email leaves, if it has passed (参加する is refused from then on). */
export function closedAt(
  event: Pick<EventMailContext, 'registrationClosesAt'>,
  now = Date.now(),
): Date | null {
  const closesAt = event.registrationClosesAt ?? null;
  return closesAt && closesAt.getTime() <= now ? closesAt : null;
}

export function answerClosed(locale: MailLocale, event: EventMailContext, closed: Date): AnswerClosed {
  const at = formatDeadline(locale, closed);
  // Whom to ask, as the footer names them.
  const organiser = organiserToAsk(
    locale,
    event.organizer,
    event.organizerContact ? organiserContactPoint(locale, event.organizerContact) : '',
  );
  if (locale === 'en') {
    return {
      paragraph: `Registration closed on ${at}, so this invitation can no longer be accepted by email. If you would still like to join, please contact ${organiser}. If you cannot come, you can let us know with the button below.`,
      detail: { label: 'Registration closes', value: `${at} (closed)` },
    };
  }
  return {
    paragraph: `申込締切（${at}）を過ぎたため、このご招待へのお申込はメールからは承れなくなりました。ご参加を希望される場合は、${organiser}にお問い合わせください。ご欠席の場合は、下のボタンからお知らせいただけます。`,
    detail: { label: '申込締切', value: `${at}（受付終了）` },
  };
}
