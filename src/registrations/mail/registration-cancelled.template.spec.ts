import { EventStatus } from '../../events/event-enums';
import { RegistrationStatus } from '../registration-enums';
import {
  RegistrationCancelledEmailData,
  registrationCancelledEmail,
} from './registration-cancelled.template';

describe('参加取消のお知らせ', () => {
  const event = {
    id: 'e1',
    title: 'しんきん ビジネスマッチング商談会',
    status: EventStatus.PUBLISHED,
    startsAt: new Date('2026-12-10T04:00:00Z'),
    endsAt: new Date('2026-12-10T08:00:00Z'),
    venue: '北区 産業会館',
    onlineUrl: null,
    capacity: 60,
    organizer: '城北信用金庫',
    coHosts: [],
    organizerContact: { address: null, email: 'shodan@johoku.example.jp', phone: null },
  };
  const email = (data: Partial<RegistrationCancelledEmailData> = {}) =>
    registrationCancelledEmail({
      locale: 'ja',
      participantName: '山本 健',
      event,
      was: RegistrationStatus.REGISTERED,
      meetings: 0,
      publishedMeetings: 0,
      ...data,
    });

  it('names the event, its time and place, who cancelled it and whom to ask', () => {
    const { subject, text } = email();
    expect(subject).toBe('【参加取消のお知らせ】しんきん ビジネスマッチング商談会');
    expect(text).toContain(
      'このたび、「しんきん ビジネスマッチング商談会」への参加登録を、主催者の城北信用金庫にて取り消しましたので、お知らせいたします。',
    );
    expect(text).toContain('■ 日時: 2026年12月10日(木) 13:00〜17:00');
    expect(text).toContain('■ 会場: 北区 産業会館');
    expect(text).toContain('城北信用金庫（shodan@johoku.example.jp）までお問い合わせください。');
    expect(text).toContain('お問い合わせ: shodan@johoku.example.jp');
  });

  it('says what was cancelled: an invitation is not a seat', () => {
    const { subject, text } = email({ was: RegistrationStatus.INVITED });
    expect(subject).toBe('【ご招待取消のお知らせ】しんきん ビジネスマッチング商談会');
    expect(email({ was: RegistrationStatus.WAITLISTED }).subject).toBe(
      '【キャンセル待ち取消のお知らせ】しんきん ビジネスマッチング商談会',
    );
    expect(email({ was: RegistrationStatus.INVITED, locale: 'en' }).subject).toBe(
      'Invitation withdrawn: しんきん ビジネスマッチング商談会',
    );
    expect(text).toContain(
      '「しんきん ビジネスマッチング商談会」へのご招待を、主催者の城北信用金庫にて取り消しました',
    );
    expect(text).not.toContain('ご来場');
  });

  it('tells that their meetings are off too and the other sides are told, and that the ones on the agenda get their own email', () => {
    expect(email({ meetings: 2 }).text).toContain(
      'あわせて、このイベントで予定されていた面談（2件）も取り消し、面談の相手の方にもお知らせします。\n',
    );
    // Only a meeting on an agenda has a calendar entry to remove.
    expect(email({ meetings: 2 }).text).not.toContain('別途');
    expect(email({ meetings: 2, publishedMeetings: 1 }).text).toContain(
      '面談の相手の方にもお知らせします。面談スケジュールでお知らせした面談（1件）は、カレンダーから削除するためのご案内を面談ごとに別途お送りします。',
    );
    const english = email({ locale: 'en', participantName: 'Liam Walsh', meetings: 2, publishedMeetings: 1 });
    expect(english.text).toContain(
      'Your 2 meetings at the event are cancelled too, and we are letting the other side know. For the one on your agenda, a separate email',
    );
    expect(email({ locale: 'en', meetings: 1 }).text).not.toContain('separate email');
  });

  it('says the attached file takes a seat off the calendar, and asks by hand in a row written before it', () => {
    const attached = email({ calendarCancel: true }).text;
    expect(attached).toContain(
      '※ 添付のカレンダーファイル（cancel.ics）を開くと、カレンダーからこのイベントの予定が削除されます。',
    );
    expect(attached).not.toContain('お手数ですが削除を');
    expect(email({ calendarCancel: true, locale: 'en' }).text).toContain(
      'Open the attached calendar file (cancel.ics) to remove the event from your calendar.',
    );
    expect(email().text).toContain(
      'カレンダーに予定を追加されていた場合は、お手数ですが削除をお願いいたします。',
    );
    // An invitation was never on a calendar.
    expect(email({ was: RegistrationStatus.INVITED }).text).not.toContain('カレンダー');
  });

  it('asks the organiser by name when it left no contact', () => {
    const { text } = email({ event: { ...event, organizerContact: undefined } });
    expect(text).toContain('お手数ですが城北信用金庫までお問い合わせください。');
  });
});
