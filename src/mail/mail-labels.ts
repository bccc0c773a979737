import { REFUSED_PREFIX } from './send-failure';

/**
 * Japanese names of what the outbox stores as codes, for the staff who read emails.csv and
 * emailProgress. Template names are the features' own constants (see each *.composer.ts); they
 * are spelled out here rather than imported so that mail/ does not depend on every feature.
 */
export const MAIL_TEMPLATE_LABEL: Record<string, string> = {
  invitation: '招待',
  'invitation-deadline': '申込締切のお知らせ（未回答の招待者あて）',
  reminder: 'リマインダー',
  survey: 'アンケート依頼',
  'suggestion-digest': 'おすすめ通知',
  'follow-up-digest': 'フォローアップ予定の通知',
  'magic-link': 'ログイン用リンク',
  'password-reset': 'パスワード再設定の案内',
  'mini-salon-request-received': 'ミニサロン開催要望の受付',
  'mini-salon-request-notice': 'ミニサロン開催要望の通知（主催者あて）',
  'mini-salon-decision': 'ミニサロン開催可否の通知（開催決定ならご招待つき）',
  'meeting-request': '面談の申込',
  'meeting-request-outcome': '面談申込への回答',
  'meeting-agenda': '面談予定表',
  'meeting-cancelled': '面談の中止',
  'meeting-counterpart-left': '相手の参加取消による面談・申込の取り消し',
  'meeting-agreed': '面談成立の通知',
  'event-cancelled': '開催中止の通知',
  'event-changed': '日時・会場変更の通知',
  'registration-confirmation': '参加登録完了の通知',
  'waitlist-promoted': 'キャンセル待ちからの参加確定',
  'registration-cancelled': '主催者による参加取消の通知',
  'registration-cancel-confirmed': '参加キャンセル受付の通知（カレンダーからの削除）',
  'event-application': '参加申込の確認（申込用リンク）',
  'email-change-confirmation': 'メールアドレス変更の確認（新しいアドレスあて）',
  'email-changed-notice': 'メールアドレス変更のお知らせ（以前のアドレスあて）',
};

export function mailTemplateLabel(template: string): string {
  return MAIL_TEMPLATE_LABEL[template] ?? template;
}

/** Why a row was not sent on purpose (`skip_reason`). */
export const SKIP_REASON_LABEL: Record<string, string> = {
  OPTED_OUT: '配信停止済みのため送信せず',
  SUPPRESSED: '以前に宛先不明で届かなかったため送信停止',
  RECIPIENT_GONE: '宛先の参加者が削除されたため送信せず',
  RECIPIENT_DEACTIVATED: '宛先のスタッフのアカウントが利用停止のため送信せず',
  MERGED_AWAY: '同じ方の重複した登録を統合し、参加登録が一つになったため送信せず',
  NOTHING_TO_SEND: '送信前に内容が不要になったため送信せず（回答済み・中止など）',
};

export function skipReasonLabel(reason: string): string {
  return SKIP_REASON_LABEL[reason] ?? reason;
}

/**
 * A failed try (`last_error`, the raw SMTP or Node message) as staff can act on it: `retrying`
 * while the row will be tried again, false once it is 送信失敗 and waits for staff to resend it.
 * The raw text stays available beside it for whoever fixes the mail server.
 */
export function mailErrorLabel(raw: string, retrying: boolean): string {
  const next = retrying
    ? '（再送を試みています）'
    : '（自動の再送は終了しました。原因を解消してから再送してください）';
  if (/^compose:/.test(raw)) return 'メール本文を作成できませんでした（システム管理者に連絡してください）';
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ESOCKET|EHOSTUNREACH/.test(raw))
    return `メールサーバーに接続できません${next}`;
  if (/ETIMEDOUT|timeout/i.test(raw)) return `メールサーバーが応答しません${next}`;
  if (/EAUTH|authentication|\b535\b/i.test(raw))
    return 'メールサーバーの認証に失敗しました（設定を確認してください）';
  if (raw.startsWith(REFUSED_PREFIX))
    return `メールサーバーが送信を断りました（中継の拒否など。宛先のアドレスの問題ではありません）${next}`;
  if (/\b5\d\d\b/.test(raw)) return '宛先に届きませんでした（アドレスが存在しないなど）';
  if (/\b4\d\d\b/.test(raw)) return `受信側で一時的に受け付けられませんでした${next}`;
  return '送信できませんでした';
}
