import { EventStatus } from '../events/event-enums';
import { EventMailContext } from '../mail/event-mail-context';
import { invitationEmail } from './invitation.template';

describe('invitation email', () => {
  const salon: EventMailContext = {
    id: 'e1',
    title: '東京活性化サロン（第5回）',
    status: EventStatus.PUBLISHED,
    startsAt: new Date('2026-12-16T06:00:00Z'),
    endsAt: new Date('2026-12-16T08:30:00Z'),
    venue: '東京財務事務所 会議室',
    onlineUrl: null,
    capacity: 50,
    organizer: '関東財務局 東京財務事務所',
    coHosts: [],
  };
  const online: EventMailContext = {
    ...salon,
    title: 'オンライン勉強会『DX』',
    venue: null,
    onlineUrl: 'https://meet.example.jp/dx',
    capacity: null,
  };
  const invite = (event: EventMailContext, locale: 'ja' | 'en' = 'ja', again = false) =>
    invitationEmail({
      locale,
      again,
      participantName: locale === 'en' ? 'Emma Clarke' : '木村 結衣',
      event,
      acceptUrl: 'https://tsunagu.example.jp/invitations/respond?token=t&accept=1',
      declineUrl: 'https://tsunagu.example.jp/invitations/respond?token=t&accept=0',
      unsubscribeUrl: null,
    });

  it('names the venue, and says a full event puts the reader on the waiting list', () => {
    const { text } = invite(salon);
    expect(text).toContain('■ 会場: 東京財務事務所 会議室');
    expect(text).toContain('定員に達している場合は、キャンセル待ちとして承ります。');
  });

  it('gives an online event its URL as オンライン参加, and no waiting list without a capacity', () => {
    const { text, html } = invite(online);
    expect(text).toContain('■ オンライン参加: https://meet.example.jp/dx');
    expect(text).not.toContain('会場');
    expect(text).not.toContain('キャンセル待ち');
    expect(html).not.toContain('キャンセル待ち');
  });

  it('reads the same in English', () => {
    expect(invite(online, 'en').text).toContain('Online: https://meet.example.jp/dx');
    expect(invite(online, 'en').text).not.toContain('waiting list');
    expect(invite(salon, 'en').text).toContain('Venue: 東京財務事務所 会議室');
    expect(invite(salon, 'en').text).toContain('If the event is full, you will be put on the waiting list.');
  });

  it('names co-hosts in an English sentence with "and"', () => {
    const cohosted = { ...salon, coHosts: ['葛飾区商工会議所'] };
    expect(invite(cohosted, 'en').text).toContain(
      '関東財務局 東京財務事務所 and 葛飾区商工会議所 would like to invite you to "東京活性化サロン（第5回）".',
    );
  });

  it('says an invitation sent again is one, and that the earlier buttons no longer answer', () => {
    const ja = invite(salon, 'ja', true).text;
    expect(ja).toContain(
      '関東財務局 東京財務事務所より、「東京活性化サロン（第5回）」へのご案内を改めてお送りします。',
    );
    expect(ja).toContain('以前のご招待メールのボタンは使えません。上のボタンからお知らせください。');
    const en = invite(salon, 'en', true).text;
    expect(en).toContain('would like to invite you again to "東京活性化サロン（第5回）".');
    expect(en).toContain('The buttons in the earlier invitation no longer work: please use the ones above.');
    expect(invite(salon).text).not.toContain('改めて');
    expect(invite(salon).text).not.toContain('以前のご招待メール');
  });
});
