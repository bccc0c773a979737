import { escapeHtml } from '../../common/html/html-page';

export type MailLocale = 'ja' | 'en';

/** What a composer produces; the sender adds addresses and headers. */
export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
}

export interface EmailAction {
  label: string;
  url: string;
  /** The main action gets the filled button. */
  primary?: boolean;
}

/** The parts every email has, in the order a reader meets them. */
export interface EmailContent {
  locale: MailLocale;
  subject: string;
  /** e.g. 髙橋 一郎 様 / Dear Ichiro Takahashi, */
  greeting: string;
  paragraphs: string[];
  details?: { label: string; value: string }[];
  actions?: EmailAction[];
  notes?: string[];
  /** Footer lines naming who sends it (the organiser and co-hosts). */
  sender: string[];
  unsubscribeUrl?: string | null;
}

const FOOTER = {
  ja: {
    via: 'このメールは Tsunagu（つなぐ）から送信しています。',
    unsubscribe: '今後のご案内メールが不要な方は、次のリンクから配信を停止できます。',
    unsubscribeLink: '配信停止',
  },
  en: {
    via: 'This email was sent through Tsunagu.',
    unsubscribe: 'If you no longer wish to receive these emails, you can unsubscribe here:',
    unsubscribeLink: 'Unsubscribe',
  },
} as const;

/** Plain text and HTML from the same content, both readable on a phone. */
export function renderEmail(content: EmailContent): ComposedEmail {
  return { subject: content.subject, text: renderText(content), html: renderHtml(content) };
}

function renderText(content: EmailContent): string {
  const footer = FOOTER[content.locale];
  const lines: string[] = [content.greeting, ''];
  for (const paragraph of content.paragraphs) lines.push(paragraph, '');
  if (content.details?.length) {
    for (const { label, value } of content.details) lines.push(`■ ${label}: ${value}`);
    lines.push('');
  }
  for (const action of content.actions ?? []) lines.push(`▶ ${action.label}`, action.url, '');
  for (const note of content.notes ?? []) lines.push(`※ ${note}`);
  if (content.notes?.length) lines.push('');
  lines.push('――――――――――――――――', ...content.sender, footer.via);
  if (content.unsubscribeUrl) lines.push('', footer.unsubscribe, content.unsubscribeUrl);
  return lines.join('\n') + '\n';
}

function renderHtml(content: EmailContent): string {
  const footer = FOOTER[content.locale];
  const paragraph = (text: string) =>
    `<p style="margin:0 0 16px">${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;
  const details = content.details?.length
    ? `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px;width:100%">${content.details
        .map(
          ({ label, value }) =>
            `<tr><th style="text-align:left;vertical-align:top;padding:6px 12px 6px 0;white-space:nowrap;color:#52606d;font-weight:normal">${escapeHtml(label)}</th><td style="padding:6px 0">${escapeHtml(value).replace(/\n/g, '<br>')}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const actions = (content.actions ?? [])
    .map((action) => {
      const style = action.primary
        ? 'background:#1d4ed8;color:#ffffff;border:1px solid #1d4ed8'
        : 'background:#ffffff;color:#1d4ed8;border:1px solid #1d4ed8';
      return `<a href="${escapeHtml(action.url)}" style="display:inline-block;margin:0 8px 12px 0;padding:12px 24px;border-radius:6px;text-decoration:none;font-weight:bold;${style}">${escapeHtml(action.label)}</a>`;
    })
    .join('');
  const notes = (content.notes ?? [])
    .map((note) => `<p style="margin:0 0 8px;font-size:13px;color:#52606d">※ ${escapeHtml(note)}</p>`)
    .join('');
  const unsubscribe = content.unsubscribeUrl
    ? `<p style="margin:12px 0 0">${escapeHtml(footer.unsubscribe)} <a href="${escapeHtml(content.unsubscribeUrl)}" style="color:#52606d">${escapeHtml(footer.unsubscribeLink)}</a></p>`
    : '';
  return `<!doctype html>
<html lang="${content.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f6f7f9">
<div style="max-width:600px;margin:0 auto;padding:24px 16px;font-family:-apple-system,'Hiragino Sans','Noto Sans JP',Meiryo,sans-serif;font-size:16px;line-height:1.7;color:#1f2933;background:#ffffff">
${paragraph(content.greeting)}
${content.paragraphs.map(paragraph).join('\n')}
${details}
<div style="margin:8px 0 16px">${actions}</div>
${notes}
<div style="margin-top:24px;padding-top:12px;border-top:1px solid #e4e7eb;font-size:13px;color:#52606d">
${content.sender.map((line) => `<p style="margin:0">${escapeHtml(line)}</p>`).join('')}
<p style="margin:8px 0 0">${escapeHtml(footer.via)}</p>
${unsubscribe}
</div>
</div>
</body></html>
`;
}

/** The footer lines naming who sends an event's email: the organiser and its co-hosts (共催). */
export function organiserLines(locale: MailLocale, organizer: string, coHosts: string[]): string[] {
  if (locale === 'en') {
    return [`Organised by ${organizer}`, ...(coHosts.length ? [`Co-hosted by ${coHosts.join(', ')}`] : [])];
  }
  return [`主催: ${organizer}`, ...(coHosts.length ? [`共催: ${coHosts.join('、')}`] : [])];
}

/** 髙橋 一郎 様 / Dear 髙橋 一郎, — names are written as the participant gave them. */
export function greetingFor(locale: MailLocale, name: string): string {
  return locale === 'en' ? `Dear ${name},` : `${name} 様`;
}
