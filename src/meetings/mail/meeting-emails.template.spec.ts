import { EventStatus } from '../../events/event-enums';
import { MeetingRequestStatus } from '../meeting-enums';
import { meetingOutcomeEmail, meetingRequestEmail } from './meeting-emails.template';

describe('meeting emails', () => {
  const event = {
    id: 'e1',
    title: 'しんきん ビジネスマッチング商談会',
    status: EventStatus.PUBLISHED,
    startsAt: new Date('2026-12-10T04:00:00Z'),
    endsAt: new Date('2026-12-10T08:00:00Z'),
    venue: '北区 産業会館',
    onlineUrl: null,
    organizer: '城北信用金庫',
    coHosts: [],
  };
  const recipient = {
    name: '山本 健',
    company: '山本精工',
    email: 'yamamoto@example.jp',
    phone: '03-1234-5678',
  };
  const deadline = new Date('2026-12-08T09:30:00Z');

  it('tells an English-speaking requester that the request expired, with the deadline and no contact details', () => {
    const email = meetingOutcomeEmail({
      locale: 'en',
      requesterName: 'Liam Walsh',
      recipient,
      outcome: MeetingRequestStatus.EXPIRED,
      deadline,
      event,
    });
    expect(email.subject).toBe('Your meeting request to 山本 健: しんきん ビジネスマッチング商談会');
    expect(email.text).toContain('did not answer your meeting request');
    expect(email.text).toContain('Tue 8 Dec 2026, 18:30 (JST)');
    expect(email.text).not.toContain(recipient.email);
  });

  it('gives the contact details with an acceptance only', () => {
    const outcome = (status: typeof MeetingRequestStatus.ACCEPTED | typeof MeetingRequestStatus.DECLINED) =>
      meetingOutcomeEmail({
        locale: 'ja',
        requesterName: '﨑山 恵',
        recipient,
        outcome: status,
        deadline,
        event,
      });
    expect(outcome(MeetingRequestStatus.ACCEPTED).text).toContain('03-1234-5678');
    expect(outcome(MeetingRequestStatus.DECLINED).text).not.toContain('03-1234-5678');
  });

  it('names the deadline to answer by in the request', () => {
    const email = meetingRequestEmail({
      locale: 'ja',
      recipientName: '山本 健',
      requester: { name: '﨑山 恵', company: null },
      message: '',
      event,
      links: { accept: 'https://example.jp/a', decline: 'https://example.jp/d', expiresAt: deadline },
    });
    expect(email.text).toContain('回答期限は 2026年12月8日(火) 18:30 です。');
  });
});
