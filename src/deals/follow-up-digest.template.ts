import { ComposedEmail, greetingFor, renderEmail } from '../mail/templates/email-layout';
import { formatCalendarDate } from '../mail/templates/mail-dates';

export interface FollowUpDigestItem {
  /** 'YYYY-MM-DD'. */
  dueOn: string;
  overdue: boolean;
  /** The deal's title and who it is with, or the participant (and company) whose plan is checked. */
  subject: string;
  notes: string;
  /**
   * For an organizer: the name of the switched-off account this follow-up waits to be handed over
   * from (引き継ぎ待ち); null for the reader's own.
   */
  handOverFrom: string | null;
}

export interface FollowUpDigestEmailData {
  staffName: string;
  /** The staff member's organisation, which the footer names. */
  organization: string;
  /** The last day covered, 'YYYY-MM-DD'. */
  through: string;
  /** The day after `through`: the `before` of the CSV export and of followUpsDue. */
  before: string;
  items: FollowUpDigestItem[];
  /**
   * For an organizer: every open follow-up of the organisation waiting for a hand-over, whatever
   * its due date (the items list only those due by `through`); 0 otherwise.
   */
  waitingTotal: number;
}

/**
 * Monday's list for a 支援担当: what is overdue and what falls due this week; for a 主催者 also what
 * waits for a hand-over from a switched-off colleague. Japanese: staff mail.
 */
export function followUpDigestEmail(data: FollowUpDigestEmailData): ComposedEmail {
  const overdue = data.items.filter((item) => item.overdue).length;
  const waiting = data.items.filter((item) => item.handOverFrom !== null).length;
  const counts = [
    ...(overdue > 0 ? [`うち期限超過 ${overdue}件`] : []),
    ...(waiting > 0 ? [`引き継ぎ待ち ${waiting}件`] : []),
  ];
  const through = formatCalendarDate('ja', data.through);
  return renderEmail({
    locale: 'ja',
    subject: `【フォローアップ】今週の予定 ${data.items.length}件${counts.length > 0 ? `（${counts.join('、')}）` : ''}`,
    greeting: greetingFor('ja', data.staffName),
    paragraphs: [
      waiting < data.items.length
        ? `${through}までに期日を迎える、担当のフォローアップをお知らせします。`
        : `${through}までに期日を迎えるフォローアップのうち、担当者が利用停止中のものをお知らせします。`,
      // The items are this week's only: the number waiting is the organisation's whole backlog.
      ...(data.waitingTotal > 0
        ? [
            (data.waitingTotal > waiting
              ? `担当者のアカウントが利用停止中のフォローアップが全部で ${data.waitingTotal}件あり、引き継ぎを待っています（${through}までに期日を迎える ${waiting}件を下に記載しています）。`
              : `担当者のアカウントが利用停止中のフォローアップが ${data.waitingTotal}件あり、引き継ぎを待っています。`) +
              '元の担当者の分をまとめて、または1件ずつ、同じ団体のスタッフに引き継いで担当を決めてください。',
          ]
        : []),
    ],
    details: data.items.map((item) => ({
      label:
        formatCalendarDate('ja', item.dueOn) +
        (item.overdue ? '（期限超過）' : '') +
        (item.handOverFrom !== null ? `（引き継ぎ待ち・元担当 ${item.handOverFrom}）` : ''),
      value: item.notes ? `${item.subject} — ${item.notes}` : item.subject,
    })),
    // No link to the CSV: an email link cannot carry the staff member's sign-in (the export
    // answers 401 without it), so the email says where to fetch the list once signed in.
    notes: [
      '完了したら結果を記録し、必要なら次回の期日を設定してください。',
      `この一覧は、ログインしたうえで API から取得できます（GraphQL の followUpsDue、CSV は /exports/follow-ups.csv?before=${data.before}）。`,
    ],
    sender: [data.organization],
  });
}
