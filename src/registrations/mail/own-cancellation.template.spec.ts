import { EventStatus } from '../../events/event-enums';
import { OwnCancellationEmailData, ownCancellationEmail } from './own-cancellation.template';

describe('参加キャンセル受付', () => {
  const event = {
    id: 'e1',
    title: 'すみだ 事業承継ミニサロン',
    status: EventStatus.PUBLISHED,
    startsAt: new Date('2026-12-10T09:00:00Z'),
    endsAt: new Date('2026-12-10T11:00:00Z'),
    venue: 'すみだ産業会館 8階',
    onlineUrl: null,
    capacity: 20,
    organizer: '墨田区産業振興課',
    coHosts: [],
    organizerContact: { address: null, email: 'salon@sumida.example.jp', phone: null },
  };
  const email = (data: Partial<OwnCancellationEmailData> = {}) =>
    ownCancellationEmail({
      locale: 'ja',
      participantName: '﨑山 恵',
      event,
      meetings: 0,
      publishedMeetings: 0,
      ...data,
    });

  it('confirms the cancellation and says the attached file takes the event off the calendar', () => {
    const { subject, text } = email();
    expect(subject).toBe('【参加キャンセル受付】すみだ 事業承継ミニサロン');
    expect(text).toContain('﨑山 恵 様');
    expect(text).toContain('「すみだ 事業承継ミニサロン」への参加のキャンセルを承りました。');
    expect(text).toContain(
      '添付のカレンダーファイル（cancel.ics）を開くと、カレンダーからこのイベントの予定が削除されます。\n',
    );
    expect(text).toContain('■ 日時: 2026年12月10日(木) 18:00〜20:00');
    expect(text).toContain('墨田区産業振興課（salon@sumida.example.jp）までお問い合わせください。');
    expect(text).not.toContain('面談');
  });

  it('names the meetings that went with the seat', () => {
    expect(email({ meetings: 2, publishedMeetings: 1 }).text).toContain(
      'あわせて、このイベントで予定されていた面談（2件）も取り消し、面談の相手の方にもお知らせします。面談スケジュールでお知らせした面談（1件）は',
    );
  });

  it('in English for a participant whose locale is en', () => {
    const { subject, text } = email({ locale: 'en', participantName: 'Liam Walsh' });
    expect(subject).toBe('Cancellation confirmed: すみだ 事業承継ミニサロン');
    expect(text).toContain('Dear Liam Walsh,');
    expect(text).toContain(
      'As you asked, we have cancelled your registration for "すみだ 事業承継ミニサロン". Thank you for letting us know.',
    );
    expect(text).toContain(
      'Open the attached calendar file (cancel.ics) to remove the event from your calendar.\n',
    );
    expect(text).not.toContain('様');
    expect(text).not.toContain('※');
  });
});
