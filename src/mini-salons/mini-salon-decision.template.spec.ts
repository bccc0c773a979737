import { miniSalonDecisionEmail } from './mini-salon-decision.template';

describe('ミニサロン開催要望への回答', () => {
  const declined = (locale: 'ja' | 'en') =>
    miniSalonDecisionEmail({
      locale,
      participantName: locale === 'ja' ? '髙橋 﨑子' : 'Emma Clarke',
      organizer: '東京財務事務所',
      organizerContact: { address: null, email: null, phone: null },
      theme: 'DX',
      area: '東京都大田区',
      event: null,
      declineReason: '同じテーマのサロンを12月に開催予定です',
      answerUrls: null,
    });

  it('says in the first characters of the subject that it will not be held', () => {
    expect(declined('ja').subject).toBe('【開催見送り】ミニサロン開催のご要望（DX）');
    expect(declined('en').subject).toBe('Your mini-salon request: not held this time (DX)');
  });
});

describe('ミニサロン開催決定', () => {
  const held = (locale: 'ja' | 'en', contact: string | null, registrationClosesAt: Date | null = null) =>
    miniSalonDecisionEmail({
      locale,
      participantName: locale === 'ja' ? '髙橋 﨑子' : 'Emma Clarke',
      organizer: '東京財務事務所',
      organizerContact: { address: null, email: contact, phone: null },
      theme: 'DX',
      area: '東京都大田区',
      event: {
        id: 'e1',
        title: 'ミニサロン『DX』（東京都大田区）',
        status: 'DRAFT' as never,
        startsAt: new Date('2027-01-15T06:00:00Z'),
        endsAt: new Date('2027-01-15T08:00:00Z'),
        venue: '大田区産業プラザPiO',
        onlineUrl: null,
        capacity: 12,
        registrationClosesAt,
        organizer: '東京財務事務所',
        coHosts: [],
      },
      declineReason: '',
      answerUrls: { acceptUrl: 'https://t.example/a', declineUrl: 'https://t.example/d' },
    });

  it('invites the requester with the answer buttons, in English too, and says whom to tell about others', () => {
    const en = held('en', 'salon@example.go.jp');
    expect(en.text).toContain('You are invited: please let us know whether you can join');
    expect(en.text).toContain('to the contact below, and they will be invited.');
    expect(en.text).toContain('▶ Accept\nhttps://t.example/a');
    expect(en.text).toContain('▶ Decline\nhttps://t.example/d');
    expect(en.text).not.toMatch(/[ぁ-ん]/);
    // An organisation without a contact is named instead of a contact line that is not there.
    expect(held('ja', null).text).toContain('お名前とメールアドレスを東京財務事務所までお知らせください');
  });

  it('asks for an answer by the 申込締切 when the salon has one, as an invitation does', () => {
    const closes = new Date('2027-01-08T08:00:00Z');
    expect(held('ja', null, closes).text).toContain(
      '※ ご回答は、申込締切の2027年1月8日(金) 17:00までにお願いします。',
    );
    expect(held('ja', null, closes).text).not.toContain('開催終了まで有効');
    expect(held('en', null, closes).text).toContain(
      '* Please answer by Fri 8 Jan 2027, 17:00 (JST), when registration closes.',
    );
    // Without one, the links work until the event ends; a full salon puts them on the waiting list.
    expect(held('ja', null).text).toContain(
      '※ 定員に達している場合は、キャンセル待ちとして承ります。\n※ リンクは開催終了まで有効です。',
    );
    expect(held('en', null).text).toContain(
      '* If the event is full, you will be put on the waiting list.\n* The links work until the event ends.',
    );
  });
});
