import { englishList, eventSenderLines, inBrackets, organiserLines, renderEmail } from './email-layout';

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

  it('lets a long link in a note break on a narrow phone rather than widen the page', () => {
    const email = renderEmail({
      ...content,
      notes: [`カレンダーに登録: https://example.jp/agenda/${'x'.repeat(120)}.ics`],
    });
    const page = /<div style="max-width:600px;[^"]*"/.exec(email.html)![0];
    expect(page).toContain('overflow-wrap:anywhere');
    expect(email.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it('leaves the unsubscribe line out of transactional mail', () => {
    const email = renderEmail({ ...content, unsubscribeUrl: null });
    expect(email.text).not.toContain('配信を停止');
  });

  it('stacks each detail label above its value, so a long label leaves the value the full width', () => {
    const email = renderEmail({
      ...content,
      details: [
        { label: '2026年12月10日(木) 18:30〜18:50', value: '株式会社青戸製作所 髙橋 一郎 様\nテーブル 12' },
      ],
    });
    expect(email.html).not.toContain('nowrap');
    expect(email.html).not.toContain('<table');
    expect(email.html).toMatch(
      /<div[^>]*>2026年12月10日\(木\) 18:30〜18:50<\/div><div[^>]*>株式会社青戸製作所 髙橋 一郎 様<br>テーブル 12<\/div>/,
    );
    expect(email.text).toContain(
      '■ 2026年12月10日(木) 18:30〜18:50: 株式会社青戸製作所 髙橋 一郎 様\n  テーブル 12',
    );
  });

  it("says in an event's footer why the reader gets it and how to reach the organiser", () => {
    const event = {
      title: '東京活性化サロン',
      organizer: '東京財務事務所',
      coHosts: ['葛飾区商工会議所'],
      organizerContact: {
        address: '〒125-0062 東京都葛飾区青戸7-2-1',
        email: 'salon@example.jp',
        phone: null,
      },
    };
    const ja = renderEmail({ ...content, sender: eventSenderLines('ja', event) });
    expect(ja.text).toContain(
      'このメールは、東京財務事務所が主催する「東京活性化サロン」にご登録の方、またはご招待した方にお送りしています。\n主催: 東京財務事務所\n共催: 葛飾区商工会議所\n所在地: 〒125-0062 東京都葛飾区青戸7-2-1\nお問い合わせ: salon@example.jp\n',
    );
    const en = renderEmail({ ...content, locale: 'en', sender: eventSenderLines('en', event) });
    expect(en.text).toContain('invited to "東京活性化サロン", organised by 東京財務事務所.');
    expect(en.text).toContain('Contact: salon@example.jp');
    // An organiser without contact details gets no empty lines.
    const bare = eventSenderLines('ja', {
      ...event,
      organizerContact: { address: null, email: null, phone: null },
    });
    expect(bare).toHaveLength(3);
  });

  it('turns brackets inside a quoted title into 『』', () => {
    expect(inBrackets('東京活性化ミニサロン in 葛飾「事業承継」')).toBe(
      '「東京活性化ミニサロン in 葛飾『事業承継』」',
    );
  });

  it('marks notes with ※ in Japanese only: English readers get an asterisk, and none in the HTML', () => {
    const notes = { notes: ['The link works once.'] };
    const ja = renderEmail({ ...content, ...notes });
    expect(ja.text).toContain('※ The link works once.');
    expect(ja.html).toContain('※ The link works once.');
    const en = renderEmail({ ...content, ...notes, locale: 'en' });
    expect(en.text).toContain('* The link works once.');
    expect(en.text).not.toContain('※');
    expect(en.html).not.toContain('※');
  });

  it('names organisers in English as a list, not with a comma alone', () => {
    expect(englishList(['東京財務事務所'])).toBe('東京財務事務所');
    expect(englishList(['東京財務事務所', '葛飾区商工会議所'])).toBe('東京財務事務所 and 葛飾区商工会議所');
    expect(englishList(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
