import { EventMailContext } from '../mail/event-mail-context';
import {
  ComposedEmail,
  MailLocale,
  greetingFor,
  inBrackets,
  eventSenderLines,
  renderEmail,
} from '../mail/templates/email-layout';
import { formatEventTime } from '../mail/templates/mail-dates';

export interface SurveyEmailData {
  locale: MailLocale;
  participantName: string;
  event: EventMailContext;
  answerUrl: string;
  /** The last day the link works, as the reader would write it. */
  answerBy: string;
  /** Sent on the day the event ended (staff sent it straight after): 「本日は」, not 「先日は」. */
  sameDay?: boolean;
  unsubscribeUrl: string | null;
}

/** The post-event survey: thanks, three short questions behind one button. */
export function surveyEmail(data: SurveyEmailData): ComposedEmail {
  const { event, locale } = data;
  const sender = eventSenderLines(locale, event);
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Survey: ${event.title}`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: [
        `Thank you for taking part in "${event.title}".`,
        'Would you tell us how it went? Three questions, about a minute: whether it opened up new business for you, how satisfied you were, and anything you would like to tell us.',
      ],
      details: [
        { label: 'Event', value: event.title },
        { label: 'Date', value: formatEventTime(locale, event.startsAt, event.endsAt) },
        { label: 'Answer by', value: data.answerBy },
      ],
      actions: [{ label: 'Answer the survey', url: data.answerUrl, primary: true }],
      notes: [
        'Your answers help us plan the next events. You can change them until the end of the day above.',
      ],
      sender,
      unsubscribeUrl: data.unsubscribeUrl,
    });
  }
  return renderEmail({
    locale,
    subject: `【アンケートのお願い】${event.title}`,
    greeting: greetingFor(locale, data.participantName),
    paragraphs: [
      `${data.sameDay ? '本日は' : '先日は'}${inBrackets(event.title)}にご参加いただき、誠にありがとうございました。`,
      '今後の事業の参考とするため、アンケートへのご協力をお願いいたします。受注機会の拡大につながったか、満足度、ご意見の3問で、1分ほどで終わります。',
    ],
    details: [
      { label: 'イベント', value: event.title },
      { label: '日時', value: formatEventTime(locale, event.startsAt, event.endsAt) },
      { label: '回答期限', value: data.answerBy },
    ],
    actions: [{ label: 'アンケートに回答する', url: data.answerUrl, primary: true }],
    notes: ['回答は期限まで何度でも修正できます。'],
    sender,
    unsubscribeUrl: data.unsubscribeUrl,
  });
}
