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
    });

  it('says in the first characters of the subject that it will not be held', () => {
    expect(declined('ja').subject).toBe('【開催見送り】ミニサロン開催のご要望（DX）');
    expect(declined('en').subject).toBe('Your mini-salon request: not held this time (DX)');
  });
});
