import { EventStatus } from '../../events/event-enums';
import { EventChangedAudience, eventChangedEmail } from './event-changed.template';

describe('日時変更・会場変更 email', () => {
  const event = {
    id: 'e1',
    title: '台東区ものづくり商談会',
    status: EventStatus.PUBLISHED,
    startsAt: new Date('2026-12-10T04:00:00Z'),
    endsAt: new Date('2026-12-10T08:00:00Z'),
    venue: '台東区民会館',
    onlineUrl: null,
    capacity: 40,
    organizer: '台東区産業振興課',
    coHosts: [],
  };
  const email = (locale: 'ja' | 'en', audience: EventChangedAudience) =>
    eventChangedEmail({
      locale,
      participantName: locale === 'ja' ? '中野 和也' : 'Emma Clarke',
      event,
      changed: { schedule: true, moved: false, place: false },
      audience,
    });

  it.each([
    ['ja', 'registered', '上のボタンから参加登録のキャンセル'],
    ['ja', 'waitlisted', '上のボタンからキャンセル待ちを取り消せます'],
    ['en', 'registered', 'cancel with the button above'],
    ['en', 'waitlisted', 'leave the waiting list with the button above'],
  ] as const)('%s, %s: points to the cancel button only while there is one', (locale, kind, note) => {
    const audience = (cancelUrl: string | null): EventChangedAudience =>
      kind === 'registered' ? { kind, meetings: 0, cancelUrl } : { kind, cancelUrl };
    const withButton = email(locale, audience('https://tsunagu.example.jp/registrations/cancel?token=t'));
    expect(withButton.text).toContain(note);
    expect(withButton.text).toContain('https://tsunagu.example.jp/registrations/cancel?token=t');
    // Once the event has begun the composer gives no cancel link: no note may point to a button.
    const started = email(locale, audience(null));
    expect(started.text).not.toContain(note);
    expect(started.html).not.toContain(note);
    expect(started.text).toContain(locale === 'ja' ? '台東区民会館' : 'Venue');
  });
});
