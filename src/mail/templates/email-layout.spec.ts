import { organiserLines, renderEmail } from './email-layout';

describe('renderEmail', () => {
  const content = {
    locale: 'ja' as const,
    subject: '【ご招待】<サロン>',
    greeting: '髙橋 美﨑 様',
    paragraphs: ['ご案内です。'],
    details: [{ label: '日時', value: '2026年12月1日(火) 18:00〜20:30' }],
    actions: [{ label: '参加する', url: 'https://example.jp/a?token=x&accept=1', primary: true }],
    sender: organiserLines('ja', '東京財務事務所', ['葛飾区商工会議所', '墨田区商工会議所']),
    unsubscribeUrl: 'https://example.jp/unsubscribe/t',
  };

  it('writes the same content as text and as escaped HTML, with the organiser footer', () => {
    const email = renderEmail(content);
    expect(email.text).toContain('髙橋 美﨑 様');
    expect(email.text).toContain('▶ 参加する\nhttps://example.jp/a?token=x&accept=1');
    expect(email.text).toContain('主催: 東京財務事務所\n共催: 葛飾区商工会議所、墨田区商工会議所');
    expect(email.text).toContain('https://example.jp/unsubscribe/t');
    expect(email.html).toContain('href="https://example.jp/a?token=x&amp;accept=1"');
    expect(email.html).toContain('<title>【ご招待】&lt;サロン&gt;</title>');
  });

  it('leaves the unsubscribe line out of transactional mail', () => {
    const email = renderEmail({ ...content, unsubscribeUrl: null });
    expect(email.text).not.toContain('配信を停止');
  });
});
