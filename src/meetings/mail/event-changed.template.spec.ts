import { EventStatus } from '../../events/event-enums';
import { EventChangedAudience, eventChangedEmail, InviteeDeadline } from './event-changed.template';

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

describe('日時変更・会場変更 email: what it was', () => {
  const event = {
    id: 'e1',
    title: '台東区ものづくり商談会',
    status: EventStatus.PUBLISHED,
    startsAt: new Date('2026-12-10T04:30:00Z'),
    endsAt: new Date('2026-12-10T08:30:00Z'),
    venue: '台東区民会館 2階',
    onlineUrl: null as string | null,
    capacity: 40,
    organizer: '台東区産業振興課',
    coHosts: [],
  };
  const registered: EventChangedAudience = { kind: 'registered', meetings: 0, cancelUrl: null };

  it('puts the old date and venue under the new ones, in the reader’s language', () => {
    const changed = { schedule: true, moved: false, place: true };
    const was = {
      startsAt: new Date('2026-12-10T04:00:00Z'),
      endsAt: new Date('2026-12-10T08:00:00Z'),
      venue: '台東区民会館',
      onlineUrl: null,
    };
    const ja = eventChangedEmail({
      locale: 'ja',
      participantName: '中野 和也',
      event,
      changed,
      was,
      audience: registered,
    });
    expect(ja.text).toContain(
      '■ 日時: 2026年12月10日(木) 13:30〜17:30（変更）\n  （変更前: 2026年12月10日(木) 13:00〜17:00）\n',
    );
    expect(ja.text).toContain('■ 会場: 台東区民会館 2階（変更）\n  （変更前: 台東区民会館）\n');
    expect(ja.html).toContain('（変更前: 台東区民会館）');
    const en = eventChangedEmail({
      locale: 'en',
      participantName: 'Emma Clarke',
      event,
      changed,
      was,
      audience: registered,
    });
    expect(en.text).toContain(
      '■ Date: Thu 10 Dec 2026, 13:30–17:30 (JST) (changed)\n  (before: Thu 10 Dec 2026, 13:00–17:00 (JST))\n',
    );
    expect(en.text).toContain('■ Venue: 台東区民会館 2階 (changed)\n  (before: 台東区民会館)\n');
  });

  it('says in English whether the time changed on the same day or the event moved to another date', () => {
    const subject = (was: { startsAt?: Date; endsAt?: Date }) =>
      eventChangedEmail({
        locale: 'en',
        participantName: 'Emma Clarke',
        event,
        changed: { schedule: true, moved: false, place: false },
        was,
        audience: registered,
      }).subject;
    const sameDay = { startsAt: new Date('2026-12-10T04:30:00Z'), endsAt: new Date('2026-12-10T07:00:00Z') };
    expect(subject(sameDay)).toBe('Time changed: 台東区ものづくり商談会');
    const dayBefore = {
      startsAt: new Date('2026-12-09T04:30:00Z'),
      endsAt: new Date('2026-12-09T08:30:00Z'),
    };
    expect(subject(dayBefore)).toBe('Date changed: 台東区ものづくり商談会');
    // A notice written before the old times were recorded.
    expect(subject({})).toBe('Date and time changed: 台東区ものづくり商談会');
  });

  it('says a venue dropped for an online event is gone, and marks only the part that changed', () => {
    const online = { ...event, venue: null, onlineUrl: 'https://meet.example.jp/taito' };
    const changed = { schedule: false, moved: false, place: true };
    const { text } = eventChangedEmail({
      locale: 'ja',
      participantName: '中野 和也',
      event: online,
      changed,
      was: { venue: '台東区民会館', onlineUrl: null },
      audience: registered,
    });
    expect(text).toContain('■ 日時: 2026年12月10日(木) 13:30〜17:30\n');
    expect(text).toContain('■ 会場: なし（変更）\n  （変更前: 台東区民会館）\n');
    expect(text).toContain('■ オンライン参加: https://meet.example.jp/taito（変更）\n');
  });

  it('marks the changed place without a 変更前 for a row written before it was recorded', () => {
    const { text } = eventChangedEmail({
      locale: 'ja',
      participantName: '中野 和也',
      event,
      changed: { schedule: false, moved: false, place: true },
      audience: registered,
    });
    expect(text).toContain('■ 会場: 台東区民会館 2階（変更）\n');
    expect(text).not.toContain('変更前');
  });
});

describe('日時変更・会場変更 email to an invitee: the 申込締切', () => {
  const event = {
    id: 'e1',
    title: '大田区 創業支援サロン',
    status: EventStatus.PUBLISHED,
    startsAt: new Date('2026-12-10T08:00:00Z'),
    endsAt: new Date('2026-12-10T10:00:00Z'),
    venue: '大田区産業プラザ PiO 3階',
    onlineUrl: null,
    capacity: 10,
    organizer: '大田区産業振興協会',
    coHosts: [],
  };
  const closesAt = new Date('2026-12-05T08:00:00Z');
  const wasClosesAt = new Date('2026-12-01T08:00:00Z');
  const invited = (deadline?: InviteeDeadline): EventChangedAudience => ({
    kind: 'invited',
    acceptUrl: 'https://tsunagu.example.jp/invitations/respond?token=t&accept=1',
    declineUrl: 'https://tsunagu.example.jp/invitations/respond?token=t&accept=0',
    unsubscribeUrl: 'https://tsunagu.example.jp/unsubscribe/u',
    ...(deadline ? { deadline } : {}),
  });
  const email = (locale: 'ja' | 'en', audience: EventChangedAudience, place = false) =>
    eventChangedEmail({
      locale,
      participantName: locale === 'ja' ? '招待 三郎' : 'Ava Jones',
      event,
      changed: { schedule: true, moved: false, place },
      was: { startsAt: new Date('2026-12-10T09:00:00Z'), endsAt: new Date('2026-12-10T11:00:00Z') },
      audience,
    });

  it('gives a deadline set in the same edit with the new date, and asks for the answer by it', () => {
    const ja = email('ja', invited({ closesAt, changed: true, wasClosesAt }), true);
    expect(ja.subject).toBe('【日時・会場・申込締切変更】大田区 創業支援サロン');
    expect(ja.text).toContain(
      '先日ご案内した「大田区 創業支援サロン」の日時・会場・申込締切が変更になりました。',
    );
    expect(ja.text).toContain(
      '■ 申込締切: 2026年12月5日(土) 17:00（変更）\n  （変更前: 2026年12月1日(火) 17:00）\n',
    );
    expect(ja.text).toContain(
      '変更後の内容でのご出欠を、2026年12月5日(土) 17:00までに下のボタンからお知らせください。',
    );
    expect(ja.text).toContain(
      '先にお送りしたご案内メールのボタンも、申込締切まで引き続きお使いいただけます。',
    );
    const en = email('en', invited({ closesAt, changed: true, wasClosesAt }), true);
    expect(en.subject).toBe('Time, venue and registration deadline changed: 大田区 創業支援サロン');
    expect(en.text).toContain(
      'The time, venue and registration deadline of "大田区 創業支援サロン", to which you were invited, have changed.',
    );
    expect(en.text).toContain('■ Registration closes: Sat 5 Dec 2026, 17:00 (JST) (changed)\n');
    expect(en.text).toContain('until registration closes.');
  });

  it('shows a deadline the edit left alone unmarked, and none when there is none', () => {
    const kept = email('ja', invited({ closesAt, changed: false, wasClosesAt: null }));
    expect(kept.subject).toBe('【日時変更】大田区 創業支援サロン');
    expect(kept.text).toContain('■ 申込締切: 2026年12月5日(土) 17:00\n');
    expect(kept.text).toContain('2026年12月5日(土) 17:00までに下のボタンから');
    const none = email('ja', invited());
    expect(none.text).not.toContain('申込締切');
    expect(none.text).toContain('変更後の内容でのご出欠を、下のボタンからお知らせください。');
    expect(none.text).toContain('ご案内メールのボタンも、開催終了まで引き続きお使いいただけます。');
  });

  it('says a deadline that had passed is taken away: answers are taken until the event ends', () => {
    const ja = email('ja', invited({ closesAt: null, changed: true, wasClosesAt }));
    expect(ja.subject).toBe('【日時・申込締切変更】大田区 創業支援サロン');
    expect(ja.text).toContain(
      '■ 申込締切: なし（開催終了まで）（変更）\n  （変更前: 2026年12月1日(火) 17:00）\n',
    );
    expect(ja.text).toContain('申込締切は取りやめ、開催終了までご回答を承ることとしました。');
    const en = email('en', invited({ closesAt: null, changed: true, wasClosesAt }));
    expect(en.subject).toBe('Time and registration deadline changed: 大田区 創業支援サロン');
    expect(en.text).toContain('■ Registration closes: None (until the event ends) (changed)\n');
    expect(en.text).toContain('answers are taken until it ends.');
  });
});
