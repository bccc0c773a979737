import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActionTokensService, PreparedToken, TokenRequest } from '../action-tokens/action-tokens.service';
import { escapeHtml } from '../common/html/html-page';
import { AppConfig } from '../config/app-config';
import { invitationAnswerUrls } from '../invitations/invitation-answer-urls';
import { invitationsNotSent } from '../invitations/invitations-not-sent';
import { formatEventTime } from '../mail/templates/mail-dates';
import { MailLocale } from '../mail/templates/email-layout';

/** A registration of the signed-in participant at an event still to come or under way. */
export interface UpcomingEvent {
  eventId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  online: boolean;
  public: boolean;
  status: UpcomingStatus;
  /** Meetings on their agenda there: published, or at the venue (an event without 商談枠). */
  meetings: number;
  /** Meeting requests there waiting for their answer. */
  awaitingAnswer: number;
  /**
   * An invitation whose email was never sent (they were unsubscribed or without consent when
   * invited, or it bounced or was given up): its accept and decline links, to answer on the page.
   */
  answer: { acceptUrl: string; declineUrl: string } | null;
}

type UpcomingStatus = 'INVITED' | 'REGISTERED' | 'WAITLISTED' | 'ATTENDED';

/** At most this many are listed: a participant's coming events, not their history. */
const LIMIT = 20;

/**
 * What a participant has coming, for the page they land on after signing in from their phone:
 * each published event they are invited to, registered or waiting for, with how many meetings
 * they have there and how many requests wait for their answer. One query, and one more for the
 * invitations among them: one whose email never went out is answered on the page, by the links an
 * invitation email would carry (minted here, as an email's are when it leaves), since telling them
 * to use the buttons of an email they never got leaves them no way to answer.
 */
@Injectable()
export class UpcomingEvents {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: ActionTokensService,
    private readonly config: AppConfig,
  ) {}

  async of(participantId: string): Promise<UpcomingEvent[]> {
    const rows: (Omit<UpcomingEvent, 'public' | 'answer'> & {
      visibility: string;
      registrationId: string;
    })[] = await this.dataSource.query(
      // The title and the venue in the reader's language, as eventTitleFor and eventVenueFor give them.
      `SELECT e.id AS "eventId", r.id AS "registrationId",
              CASE WHEN p.locale = 'en' AND e.title_en IS NOT NULL THEN e.title_en ELSE e.title END AS title,
              e.starts_at AS "startsAt", e.ends_at AS "endsAt",
              CASE WHEN p.locale = 'en' AND e.venue_en IS NOT NULL AND e.venue IS NOT NULL
                   THEN e.venue_en ELSE e.venue END AS venue,
              e.online_url IS NOT NULL AS online, e.visibility, r.status,
              (SELECT count(*)::int FROM meetings m
                WHERE m.event_id = e.id AND m.status = 'SCHEDULED'
                  AND (m.published_at IS NOT NULL OR m.session_id IS NULL)
                  AND $1 IN (m.participant_a_id, m.participant_b_id)) AS meetings,
              (SELECT count(*)::int FROM meeting_requests q
                WHERE q.event_id = e.id AND q.to_participant_id = $1 AND q.status = 'PENDING'
                  AND (q.expires_at IS NULL OR q.expires_at > now())) AS "awaitingAnswer"
         FROM registrations r
         JOIN events e ON e.id = r.event_id
         JOIN participants p ON p.id = r.participant_id
        WHERE r.participant_id = $1 AND r.status IN ('INVITED', 'REGISTERED', 'WAITLISTED', 'ATTENDED')
          AND e.status = 'PUBLISHED' AND e.ends_at > now()
        ORDER BY e.starts_at, e.id
        LIMIT ${LIMIT}`,
      [participantId],
    );
    const invited = rows.filter((row) => row.status === 'INVITED').map((row) => row.registrationId);
    const notSent = await invitationsNotSent(this.dataSource.manager, invited);
    const tokens: PreparedToken[] = [];
    const issueToken = (request: TokenRequest) => {
      const { raw, row } = this.tokens.prepare(request);
      tokens.push(row);
      return raw;
    };
    const events = rows.map(({ visibility, registrationId, ...row }) => ({
      ...row,
      public: visibility === 'PUBLIC',
      answer: notSent.has(registrationId)
        ? answeredHere(this.config.PUBLIC_URL, issueToken, registrationId, row.endsAt)
        : null,
    }));
    await this.tokens.save(this.dataSource.manager, tokens);
    return events;
  }
}

/**
 * The invitation's links, marked as opened from this page: answered here, the decline does not
 * point to the invitation email for a change of mind (InvitationPagesController).
 */
function answeredHere(...args: Parameters<typeof invitationAnswerUrls>) {
  const { acceptUrl, declineUrl } = invitationAnswerUrls(...args);
  return { acceptUrl: `${acceptUrl}&from=page`, declineUrl: `${declineUrl}&from=page` };
}

const TEXT = {
  ja: {
    heading: '参加予定のイベント',
    none: '参加予定のイベントはありません。',
    online: 'オンライン',
    answerHere: 'ご招待中（招待メールをお送りできていません。こちらからご回答ください）',
    accept: '参加する',
    decline: '辞退する',
    or: '／',
    status: {
      INVITED: 'ご招待中（招待メールのボタンからご回答ください）',
      REGISTERED: '参加登録済',
      WAITLISTED: 'キャンセル待ち（お席が空きしだいメールでお知らせします）',
      ATTENDED: '受付済',
    },
    meetings: (count: number) => `面談 ${count}件`,
    agenda: '面談スケジュールを見る',
    brackets: ['（', '）'],
    awaiting: (count: number) => `回答待ちの面談申込 ${count}件（申込メールのボタンからご回答ください）`,
  },
  en: {
    heading: 'Your coming events',
    none: 'You have no coming events.',
    online: 'Online',
    answerHere: 'Invited (we could not send you the invitation email: please answer here)',
    accept: 'Accept',
    decline: 'Decline',
    or: ' / ',
    status: {
      INVITED: 'Invited (please answer with the buttons in the invitation email)',
      REGISTERED: 'Registered',
      WAITLISTED: 'On the waiting list (we will email you if a seat opens)',
      ATTENDED: 'Checked in',
    },
    meetings: (count: number) => `${count} meeting${count === 1 ? '' : 's'}`,
    agenda: 'see your schedule',
    brackets: [' (', ')'],
    awaiting: (count: number) =>
      `${count} meeting request${count === 1 ? '' : 's'} awaiting your answer (use the buttons in the request email)`,
  },
} as const;

/** The list as HTML for the signed-in page: heading, then one item per event. */
export function upcomingEventsHtml(
  locale: MailLocale,
  events: UpcomingEvent[],
  eventUrl: (eventId: string) => string,
  /** Their agenda page at the event (AgendaFeedLinks.pageUrl). */
  agendaUrl: (eventId: string) => string,
): string {
  const text = TEXT[locale];
  const heading = `<h2 style="font-size:1rem;margin:24px 0 8px">${escapeHtml(text.heading)}</h2>`;
  if (events.length === 0) return `${heading}<p>${escapeHtml(text.none)}</p>`;
  const items = events.map((event) => {
    const title = event.public
      ? `<a href="${escapeHtml(eventUrl(event.eventId))}">${escapeHtml(event.title)}</a>`
      : escapeHtml(event.title);
    const meetings =
      event.meetings > 0
        ? `${escapeHtml(text.meetings(event.meetings))}${text.brackets[0]}<a href="${escapeHtml(agendaUrl(event.eventId))}">${escapeHtml(text.agenda)}</a>${text.brackets[1]}`
        : '';
    const answer = event.answer
      ? `${escapeHtml(text.answerHere)}<br><a href="${escapeHtml(event.answer.acceptUrl)}">${escapeHtml(text.accept)}</a>${text.or}<a href="${escapeHtml(event.answer.declineUrl)}">${escapeHtml(text.decline)}</a>`
      : '';
    const lines = [
      escapeHtml(formatEventTime(locale, event.startsAt, event.endsAt)),
      escapeHtml(event.venue ?? (event.online ? text.online : '')),
      answer || escapeHtml(text.status[event.status]),
      meetings,
      event.awaitingAnswer > 0 ? escapeHtml(text.awaiting(event.awaitingAnswer)) : '',
    ].filter(Boolean);
    return `<li style="margin-bottom:12px"><strong>${title}</strong><br>${lines.join('<br>')}</li>`;
  });
  return `${heading}<ul>${items.join('')}</ul>`;
}
