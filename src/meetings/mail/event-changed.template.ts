import { EventChangeSummary } from '../../events/event-changes';
import { EventMailContext } from '../../mail/event-mail-context';
import {
  ComposedEmail,
  EmailAction,
  EmailDetail,
  MailLocale,
  eventSenderLines,
  greetingFor,
  inBrackets,
  organiserContactPoint,
  organiserToAsk,
  renderEmail,
} from '../../mail/templates/email-layout';
import { tokyoDate } from '../../common/time/tokyo-time';
import { formatDeadline } from '../../mail/templates/mail-dates';
import { EventChangedWas, markedValue, placeAndTimeDetails } from '../../mail/templates/event-change-details';

/** Who is told, and what they can do about it. */
export type EventChangedAudience =
  /** Holds a seat; published meetings at the event moved with it (changed.moved) or stayed. */
  | { kind: 'registered'; meetings: number; cancelUrl: string | null }
  /** On the waiting list: told, with no calendar entry to move. */
  | { kind: 'waitlisted'; cancelUrl: string | null }
  /** Invited and not answered yet: asked again, on the new details, by the deadline if there is one. */
  | {
      kind: 'invited';
      acceptUrl: string;
      declineUrl: string;
      unsubscribeUrl: string | null;
      deadline?: InviteeDeadline;
    }
  /**
   * Invited and not answered, and the 申込締切 has passed: told of the change without buttons
   * (参加する would be refused, as its page says), and whom to ask if they would still like to come.
   */
  | {
      kind: 'closed';
      closedAt: Date;
      /**
       * Set when the 申込締切 that passed is not the one they were last told (moved to a time
       * already past): marked as changed, with the one they knew (null: none) as 変更前.
       */
      changed?: { was: Date | null };
      unsubscribeUrl: string | null;
    };

/**
 * The 申込締切 an invitee answers by. `changed`: the same edit set, moved or took it away, and they
 * hear of it here rather than in a 申込締切のお知らせ of its own (one edit, one email).
 */
export interface InviteeDeadline {
  /** null: taken away after it had passed, so answers are taken until the event ends. */
  closesAt: Date | null;
  changed: boolean;
  /** The one before the change, when it changed and there was one. */
  wasClosesAt: Date | null;
}

export interface EventChangedEmailData {
  locale: MailLocale;
  participantName: string;
  /** The event as it is now. */
  event: EventMailContext;
  changed: EventChangeSummary;
  /** The values before the change, shown under the new ones (変更前). */
  was?: EventChangedWas;
  audience: EventChangedAudience;
}

/** The 申込締切 line of an invitee's email: the one to answer by, or that there is none any more. */
function deadlineDetails(locale: MailLocale, deadline: InviteeDeadline | undefined): EmailDetail[] {
  if (!deadline || (!deadline.closesAt && !deadline.changed)) return [];
  const at = (instant: Date | null) => (instant ? formatDeadline(locale, instant) : null);
  const [label, none] =
    locale === 'en'
      ? ['Registration closes', 'None (until the event ends)']
      : ['申込締切', 'なし（開催終了まで）'];
  return [
    {
      label,
      value: markedValue(locale, at(deadline.closesAt), deadline.changed, at(deadline.wasClosesAt), none),
    },
  ];
}

/** The 申込締切 line of an invitee's email after it has passed, marked when it is not the one they knew. */
function closedDetails(locale: MailLocale, audience: EventChangedAudience): EmailDetail[] {
  if (audience.kind !== 'closed') return [];
  const [label, none, closed] =
    locale === 'en'
      ? ['Registration closes', 'None (until the event ends)', ' (closed)']
      : ['申込締切', 'なし（開催終了まで）', '（受付終了）'];
  const was = audience.changed?.was;
  return [
    {
      label,
      value: markedValue(
        locale,
        `${formatDeadline(locale, audience.closedAt)}${closed}`,
        !!audience.changed,
        was ? formatDeadline(locale, was) : none,
        none,
      ),
    },
  ];
}

/** What changed, in the reader's words: 日時・会場 / date and venue. */
function changedParts(
  changed: EventChangeSummary,
  deadlineChanged: boolean,
  names: { schedule: string; place: string; deadline: string },
): string[] {
  return [
    ...(changed.schedule ? [names.schedule] : []),
    // A change of neither time nor place writes no email; a row that says neither is of the place.
    ...(changed.place || !changed.schedule ? [names.place] : []),
    ...(deadlineChanged ? [names.deadline] : []),
  ];
}

/**
 * What moved, in English (日時 covers both in Japanese): the time when the event stays on its day,
 * the date when it moved to another, both when the old date is not known.
 */
function scheduleWord(event: Pick<EventMailContext, 'startsAt'>, was: EventChangedWas): string {
  if (!was.startsAt) return 'date and time';
  return tokyoDate(was.startsAt) === tokyoDate(event.startsAt) ? 'time' : 'date';
}

/**
 * 日時変更・会場変更: the event someone signed up for, or was invited to, now takes place at another
 * time or place. The new details come first, marked as changed; the composer attaches the updated
 * calendar entry for a seat. An invitee is asked to answer by the 申込締切, and hears here of a new
 * one set in the same edit (日時・申込締切変更).
 */
export function eventChangedEmail(data: EventChangedEmailData): ComposedEmail {
  const { event, locale, changed, audience } = data;
  const sender = eventSenderLines(locale, event);
  const unsubscribeUrl =
    audience.kind === 'invited' || audience.kind === 'closed' ? audience.unsubscribeUrl : null;
  const closedAt = audience.kind === 'closed' ? formatDeadline(locale, audience.closedAt) : null;
  // Whom to ask, as the footer names them.
  const organiser = organiserToAsk(
    locale,
    event.organizer,
    event.organizerContact ? organiserContactPoint(locale, event.organizerContact) : '',
  );
  const meetings = audience.kind === 'registered' ? audience.meetings : 0;
  const deadline = audience.kind === 'invited' ? audience.deadline : undefined;
  const deadlineChanged = (deadline?.changed ?? false) || (audience.kind === 'closed' && !!audience.changed);
  const closesAt = deadline?.closesAt ? formatDeadline(locale, deadline.closesAt) : null;
  const reopened = deadline?.changed === true && !closesAt;
  if (locale === 'en') {
    const parts = changedParts(changed, deadlineChanged, {
      schedule: scheduleWord(event, data.was ?? {}),
      place: 'venue',
      deadline: 'registration deadline',
    });
    const what = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
    const details: EmailDetail[] = [
      { label: 'Event', value: event.title },
      ...placeAndTimeDetails(locale, event, changed, data.was ?? {}),
      ...deadlineDetails(locale, deadline),
      ...closedDetails(locale, audience),
    ];
    const how = {
      registered: 'for which you are registered',
      waitlisted: 'for which you are on the waiting list',
      invited: 'to which you were invited',
      closed: 'to which you were invited',
    }[audience.kind];
    return renderEmail({
      locale,
      subject: `${what[0].toUpperCase()}${what.slice(1)} changed: ${event.title}`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: [
        `The ${what} of "${event.title}", ${how}, ${parts.length > 1 ? 'have' : 'has'} changed. Please see the updated details below.`,
        {
          registered: 'The attached calendar file updates the entry in your calendar.',
          waitlisted:
            'You are still on the waiting list; if a seat becomes free, you will be registered in order.',
          invited: closesAt
            ? `Please let us know whether you can join on the new terms by ${closesAt}, choosing one of the buttons below.`
            : `${reopened ? 'Registration no longer closes before the event: answers are taken until it ends. ' : ''}Please let us know whether you can join on the new terms by choosing one of the buttons below.`,
          closed: `Registration closed on ${closedAt}, so this invitation can no longer be accepted by email. If you would still like to join, please contact ${organiser}.`,
        }[audience.kind],
        ...(meetings > 0
          ? [
              changed.moved
                ? `Your ${meetings === 1 ? 'meeting has' : `${meetings} meetings have`} moved with the event, by the same amount of time, at the same ${meetings === 1 ? 'table or booth' : 'tables or booths'}.`
                : meetings === 1
                  ? 'The time and table (or booth) of your meeting at the event stay as they were.'
                  : `The times and tables (or booths) of your ${meetings} meetings at the event stay as they were.`,
            ]
          : []),
      ],
      details,
      actions: actionsFor(audience, {
        accept: 'Accept',
        decline: 'Decline',
        cancel: 'Cancel my registration',
        leaveWaitlist: 'Leave the waiting list',
      }),
      notes: notesFor(audience, {
        registered: [
          'If you can no longer attend, please cancel with the button above so someone on the waiting list can join.',
        ],
        waitlisted: [
          'If the new details no longer suit you, you can leave the waiting list with the button above.',
        ],
        invited: [
          'If the event is full, you will be put on the waiting list.',
          `The buttons in the invitation you received earlier work too, until ${closesAt ? 'registration closes' : 'the event ends'}.`,
        ],
        closed: [],
      }),
      sender,
      unsubscribeUrl,
    });
  }
  const what = changedParts(changed, deadlineChanged, {
    schedule: '日時',
    place: '会場',
    deadline: '申込締切',
  }).join('・');
  const details: EmailDetail[] = [
    { label: 'イベント', value: event.title },
    ...placeAndTimeDetails(locale, event, changed, data.was ?? {}),
    ...deadlineDetails(locale, deadline),
    ...closedDetails(locale, audience),
  ];
  const how = {
    registered: 'ご登録いただいている',
    waitlisted: 'キャンセル待ちでお申込いただいている',
    invited: '先日ご案内した',
    closed: '先日ご案内した',
  }[audience.kind];
  return renderEmail({
    locale,
    subject: `【${what}変更】${event.title}`,
    greeting: greetingFor(locale, data.participantName),
    paragraphs: [
      `${how}${inBrackets(event.title)}の${what}が変更になりました。お手数ですが、変更後の内容をご確認ください。`,
      {
        registered: '添付のカレンダーファイルを開くと、カレンダーの予定が変更後の内容に更新されます。',
        waitlisted:
          '引き続きキャンセル待ちとして承っております。席が空き次第、キャンセル待ちの順に参加登録いたします。',
        invited: closesAt
          ? `変更後の内容でのご出欠を、${closesAt}までに下のボタンからお知らせください。`
          : `${reopened ? '申込締切は取りやめ、開催終了までご回答を承ることとしました。' : ''}変更後の内容でのご出欠を、下のボタンからお知らせください。`,
        closed: `申込締切（${closedAt}）を過ぎたため、このご招待へのお申込はメールからは承れなくなりました。ご参加を希望される場合は、${organiser}にお問い合わせください。`,
      }[audience.kind],
      ...(meetings > 0
        ? [
            changed.moved
              ? `予定されている面談（${meetings}件）も、イベントと同じだけ日時をずらしました。テーブル・ブースに変更はありません。`
              : `予定されている面談（${meetings}件）の時間とテーブル・ブースに変更はありません。`,
          ]
        : []),
    ],
    details,
    actions: actionsFor(audience, {
      accept: '参加する',
      decline: '辞退する',
      cancel: '参加をキャンセルする',
      leaveWaitlist: 'キャンセル待ちを取り消す',
    }),
    notes: notesFor(audience, {
      registered: [
        '変更後の内容でご都合が悪い場合は、キャンセル待ちの方のために、上のボタンから参加登録のキャンセルをお願いいたします。',
      ],
      waitlisted: ['変更後の内容でご参加が難しい場合は、上のボタンからキャンセル待ちを取り消せます。'],
      invited: [
        '定員に達している場合は、キャンセル待ちとして承ります。',
        `先にお送りしたご案内メールのボタンも、${closesAt ? '申込締切' : '開催終了'}まで引き続きお使いいただけます。`,
      ],
      closed: [],
    }),
    sender,
    unsubscribeUrl,
  });
}

/** The audience's notes; those that point to the cancel button go when there is none (the event has begun). */
function notesFor(
  audience: EventChangedAudience,
  notes: Record<EventChangedAudience['kind'], string[]>,
): string[] {
  if (audience.kind === 'invited' || audience.kind === 'closed') return notes[audience.kind];
  return audience.cancelUrl ? notes[audience.kind] : [];
}

function actionsFor(
  audience: EventChangedAudience,
  labels: { accept: string; decline: string; cancel: string; leaveWaitlist: string },
): EmailAction[] {
  if (audience.kind === 'invited')
    return [
      { label: labels.accept, url: audience.acceptUrl, primary: true },
      { label: labels.decline, url: audience.declineUrl },
    ];
  // Past the 申込締切: 参加する would be refused; the text says whom to ask instead.
  if (audience.kind === 'closed' || !audience.cancelUrl) return [];
  return [
    { label: audience.kind === 'waitlisted' ? labels.leaveWaitlist : labels.cancel, url: audience.cancelUrl },
  ];
}
