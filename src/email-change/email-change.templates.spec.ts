import {
  addressHint,
  emailChangedNoticeEmail,
  staffEmailChangeConfirmationEmail,
  staffEmailChangedNoticeEmail,
} from './email-change.templates';

describe('addressHint', () => {
  it('shows two letters and the domain, hiding how long the rest is', () => {
    expect(addressHint('hanako.yamada@example.jp')).toBe('ha***@example.jp');
    expect(addressHint('ab@example.jp')).toBe('ab***@example.jp');
    expect(addressHint('a@example.jp')).toBe('a***@example.jp');
  });
});

describe('the notice to the address a participant left', () => {
  it('names the organisation whose staff made the change, in English', () => {
    const mail = emailChangedNoticeEmail({
      locale: 'en',
      participantName: 'Emma Clarke',
      newEmailHint: 'em***@example.com',
      changedByOrganization: 'Katsushika Chamber of Commerce',
      ask: { organization: 'Katsushika Chamber of Commerce', reach: '' },
    });
    expect(mail.subject).toBe('Your email address for Tsunagu has changed');
    expect(mail.text).toContain(
      'The staff of Katsushika Chamber of Commerce changed your email address for Tsunagu to em***@example.com.',
    );
    expect(mail.text).toContain('If this is not right, please contact Katsushika Chamber of Commerce.');
  });

  it('says the person asked for it themself, and whom to ask if they did not, in Japanese', () => {
    const mail = emailChangedNoticeEmail({
      locale: 'ja',
      participantName: '髙橋 美﨑',
      newEmailHint: 'mi***@example.jp',
      changedByOrganization: null,
      ask: {
        organization: '葛飾区産業経済課',
        reach: 'sangyo@city.katsushika.example.jp / TEL 03-5654-8111',
      },
    });
    expect(mail.text).toContain('髙橋 美﨑 様');
    expect(mail.text).toContain(
      'お申込みにより、Tsunagu にご登録のメールアドレスを mi***@example.jp に変更しました。',
    );
    expect(mail.text).toContain(
      'お心当たりのない場合は、葛飾区産業経済課（sangyo@city.katsushika.example.jp / TEL 03-5654-8111）にお問い合わせください。',
    );
  });

  it('falls back to the organiser of their events for someone never registered anywhere', () => {
    const mail = emailChangedNoticeEmail({
      locale: 'en',
      participantName: 'Emma Clarke',
      newEmailHint: 'em***@example.com',
      changedByOrganization: null,
      ask: null,
    });
    expect(mail.text).toContain(
      'If you did not make this change, please contact the organiser of your events.',
    );
  });

  it('says two registrations became one after a merge, in both languages', () => {
    const ja = emailChangedNoticeEmail({
      locale: 'ja',
      participantName: '山田 太郎',
      newEmailHint: 'ya***@sumida-kogyo.jp',
      changedByOrganization: '墨田区商工会議所',
      ask: { organization: '墨田区商工会議所', reach: '' },
      merged: true,
    });
    expect(ja.subject).toBe('【Tsunagu】ご登録の統合のお知らせ');
    expect(ja.text).toContain(
      'Tsunagu には、このアドレスと ya***@sumida-kogyo.jp の2つでご登録がありました。墨田区商工会議所の担当者が、ya***@sumida-kogyo.jp のご登録に一つにまとめました。',
    );
    expect(ja.text).toContain(
      '今後のご招待・ログイン用リンクなどのご案内は、ya***@sumida-kogyo.jp にお送りします。このアドレスには届きません。',
    );
    expect(ja.text).toContain('お心当たりのない場合は、墨田区商工会議所にお問い合わせください。');
    const en = emailChangedNoticeEmail({
      locale: 'en',
      participantName: 'Emma Clarke',
      newEmailHint: 'em***@example.com',
      changedByOrganization: 'Sumida Chamber of Commerce',
      ask: { organization: 'Sumida Chamber of Commerce', reach: '' },
      merged: true,
    });
    expect(en.subject).toBe('Your two registrations with Tsunagu are now one');
    expect(en.text).toContain(
      'You were registered with Tsunagu twice, under this address and under em***@example.com.',
    );
  });
});

describe("a staff account's login address", () => {
  it('asks the new address to confirm, saying who asked', () => {
    const mail = staffEmailChangeConfirmationEmail({
      staffName: '髙橋 﨑子',
      newEmail: 'takahashi@katsushika.example.jp',
      requestedBy: '葛飾区商工会議所の青戸 主催様',
      confirmUrl: 'https://tsunagu.example.jp/email-change?token=abc',
      validHours: 24,
    });
    expect(mail.subject).toBe('【Tsunagu】メールアドレス変更のご確認');
    expect(mail.text).toContain('髙橋 﨑子 様');
    expect(mail.text).toContain(
      '葛飾区商工会議所の青戸 主催様から、Tsunagu のログイン用メールアドレスを、このアドレス（takahashi@katsushika.example.jp）に変更する依頼がありました。',
    );
    expect(mail.text).toContain('https://tsunagu.example.jp/email-change?token=abc');
    expect(mail.text).toContain('リンクの有効期限は 24 時間で、1回のみ使用できます。');
  });

  it('tells the old address whom to ask, or whom in general once the one who asked is gone', () => {
    const named = staffEmailChangedNoticeEmail({
      staffName: '髙橋 﨑子',
      newEmailHint: 'ta***@katsushika.example.jp',
      requestedBy: 'Tsunagu 管理者の管理 者様',
    });
    expect(named.subject).toBe('【Tsunagu】メールアドレス変更のお知らせ');
    expect(named.text).toContain(
      'Tsunagu 管理者の管理 者様の依頼により、Tsunagu のログイン用メールアドレスを ta***@katsushika.example.jp に変更しました（新しいアドレスで確認済みです）。',
    );
    expect(named.text).toContain('お心当たりのない場合は、Tsunagu 管理者の管理 者様にお問い合わせください。');
    const unnamed = staffEmailChangedNoticeEmail({
      staffName: '髙橋 﨑子',
      newEmailHint: 'ta***@katsushika.example.jp',
      requestedBy: null,
    });
    expect(unnamed.text).toContain('管理者または主催者の依頼により、');
    expect(unnamed.text).toContain(
      'お心当たりのない場合は、所属団体の主催者または Tsunagu の管理者にお問い合わせください。',
    );
  });
});
