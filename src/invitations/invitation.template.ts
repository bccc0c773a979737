import { EventMailContext } from '../mail/event-mail-context';
import {
  eventPlaceDetails,
  ComposedEmail,
  englishList,
  MailLocale,
  greetingFor,
  inBrackets,
  eventSenderLines,
  renderEmail,
} from '../mail/templates/email-layout';
import { eventAboutDetails } from '../mail/templates/event-about';
import { formatDeadline, formatEventTime } from '../mail/templates/mail-dates';
import { answerClosed } from './answer-closed';

export interface InvitationEmailData {
  locale: MailLocale;
  participantName: string;
  event: EventMailContext;
  /**
   * Invited again after cancelling or declining (or a seat the organiser cancelled): said so, and
   * that the earlier invitation's buttons no longer answer.
   */
  again?: boolean;
  acceptUrl: string;
  declineUrl: string;
  unsubscribeUrl: string | null;
  /** The event's public page, where it has one: the whole description is there. */
  pageUrl?: string | null;
  /**
   * The 申込締切, when it had passed as the email left: no 参加する (it would be refused), whom to
   * ask instead, and 辞退する, which still works (see answerClosed).
   */
  closedAt?: Date | null;
}

export function invitationEmail(data: InvitationEmailData): ComposedEmail {
  const { event, locale } = data;
  const hosts = [event.organizer, ...event.coHosts];
  const sender = eventSenderLines(locale, event);
  const closed = data.closedAt ? answerClosed(locale, event, data.closedAt) : null;
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Invitation: ${event.title} (${event.organizer})`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: [
        data.again
          ? `${englishList(hosts)} would like to invite you again to "${event.title}".`
          : `${englishList(hosts)} would like to invite you to "${event.title}".`,
        closed?.paragraph ?? 'Please let us know whether you can join by choosing one of the buttons below.',
      ],
      details: [
        { label: 'Event', value: event.title },
        { label: 'Date', value: formatEventTime(locale, event.startsAt, event.endsAt) },
        ...eventPlaceDetails(locale, event),
        ...(closed ? [closed.detail] : []),
        ...eventAboutDetails(locale, event, data.pageUrl ?? null),
      ],
      actions: [
        ...(closed ? [] : [{ label: 'Accept', url: data.acceptUrl, primary: true }]),
        { label: 'Decline', url: data.declineUrl },
      ],
      notes: closed
        ? [
            ...(data.again ? ['The buttons in the earlier invitation no longer work.'] : []),
            'If this email was not meant for you, please ignore it.',
          ]
        : [
            ...(data.again
              ? ['The buttons in the earlier invitation no longer work: please use the ones above.']
              : []),
            ...(event.capacity === null
              ? []
              : ['If the event is full, you will be put on the waiting list.']),
            event.registrationClosesAt
              ? `Please answer by ${formatDeadline(locale, event.registrationClosesAt)}, when registration closes. If this email was not meant for you, please ignore it.`
              : 'The links work until the event ends. If this email was not meant for you, please ignore it.',
          ],
      sender,
      unsubscribeUrl: data.unsubscribeUrl,
    });
  }
  return renderEmail({
    locale,
    subject: `【ご招待】${event.title}（${event.organizer}）`,
    greeting: greetingFor(locale, data.participantName),
    paragraphs: [
      data.again
        ? `${hosts.join('・')}より、${inBrackets(event.title)}へのご案内を改めてお送りします。`
        : `${hosts.join('・')}より、${inBrackets(event.title)}へのご案内をお送りします。`,
      closed?.paragraph ??
        'ご出欠を、下のボタンからお知らせください。皆さまのご参加を心よりお待ちしております。',
    ],
    details: [
      { label: 'イベント', value: event.title },
      { label: '日時', value: formatEventTime(locale, event.startsAt, event.endsAt) },
      ...eventPlaceDetails(locale, event),
      ...(closed ? [closed.detail] : []),
      ...eventAboutDetails(locale, event, data.pageUrl ?? null),
    ],
    actions: [
      ...(closed ? [] : [{ label: '参加する', url: data.acceptUrl, primary: true }]),
      { label: '辞退する', url: data.declineUrl },
    ],
    notes: closed
      ? [
          ...(data.again ? ['以前のご招待メールのボタンは使えません。'] : []),
          'お心当たりのない場合は、このメールを破棄してください。',
        ]
      : [
          ...(data.again ? ['以前のご招待メールのボタンは使えません。上のボタンからお知らせください。'] : []),
          ...(event.capacity === null ? [] : ['定員に達している場合は、キャンセル待ちとして承ります。']),
          event.registrationClosesAt
            ? `ご回答は、申込締切の${formatDeadline(locale, event.registrationClosesAt)}までにお願いします。お心当たりのない場合は、このメールを破棄してください。`
            : 'リンクは開催終了まで有効です。お心当たりのない場合は、このメールを破棄してください。',
        ],
    sender,
    unsubscribeUrl: data.unsubscribeUrl,
  });
}
