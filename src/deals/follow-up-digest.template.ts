import { ComposedEmail, greetingFor, renderEmail } from '../mail/templates/email-layout';

export interface FollowUpDigestItem {
  dueOn: string;
  overdue: boolean;
  /** The deal's title, or the participant (and company) whose plan is checked. */
  subject: string;
  notes: string;
}

export interface FollowUpDigestEmailData {
  staffName: string;
  /** The last day covered, 'YYYY-MM-DD'. */
  through: string;
  items: FollowUpDigestItem[];
  /** Where staff read and complete them. */
  listUrl: string;
}

/** Monday's list for a 支援担当: what is overdue and what falls due this week. Japanese: staff mail. */
export function followUpDigestEmail(data: FollowUpDigestEmailData): ComposedEmail {
  const overdue = data.items.filter((item) => item.overdue).length;
  return renderEmail({
    locale: 'ja',
    subject: `【フォローアップ】今週の予定 ${data.items.length}件${overdue > 0 ? `（うち期限超過 ${overdue}件）` : ''}`,
    greeting: greetingFor('ja', data.staffName),
    paragraphs: [`${data.through} までに期日を迎える、担当のフォローアップをお知らせします。`],
    details: data.items.map((item) => ({
      label: `${item.dueOn}${item.overdue ? '（期限超過）' : ''}`,
      value: item.notes ? `${item.subject} — ${item.notes}` : item.subject,
    })),
    actions: [{ label: 'フォローアップ一覧（CSV）', url: data.listUrl, primary: true }],
    notes: ['完了したら結果を記録し、必要なら次回の期日を設定してください（completeFollowUp）。'],
    sender: ['Tsunagu'],
  });
}
