import { addressHint, emailChangedNoticeEmail } from './email-change.templates';

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
    });
    expect(mail.subject).toBe('Your email address for Tsunagu has changed');
    expect(mail.text).toContain(
      'The staff of Katsushika Chamber of Commerce changed your email address for Tsunagu to em***@example.com.',
    );
    expect(mail.text).toContain('If this is not right, please contact Katsushika Chamber of Commerce.');
  });

  it('says the person asked for it themself, in Japanese', () => {
    const mail = emailChangedNoticeEmail({
      locale: 'ja',
      participantName: '髙橋 美﨑',
      newEmailHint: 'mi***@example.jp',
      changedByOrganization: null,
    });
    expect(mail.text).toContain('髙橋 美﨑 様');
    expect(mail.text).toContain(
      'お申込みにより、Tsunagu にご登録のメールアドレスを mi***@example.jp に変更しました。',
    );
    expect(mail.text).toContain('お心当たりのない場合は、ご参加のイベントの主催者にお問い合わせください。');
  });
});
