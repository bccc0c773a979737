import { EventStatus } from '../../events/event-enums';
import { MeetingRequestStatus } from '../meeting-enums';
import { agendaPage, AgendaPageData } from '../agenda-page';
import { meetingIcsEvent } from '../meeting-ics';
import {
  agendaEmail,
  counterpartLeftEmail,
  meetingAgreedEmail,
  meetingCancelledEmail,
  meetingOutcomeEmail,
  meetingRequestEmail,
} from './meeting-emails.template';

describe('meeting emails', () => {
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
  };
  const recipient = { name: '山本 健', company: '山本精工' };
  const contact = { email: 'yamamoto@example.jp', phone: '03-1234-5678' };
  const deadline = new Date('2026-12-08T09:30:00Z');
  const outcome = (
    status: MeetingRequestStatus.ACCEPTED | MeetingRequestStatus.DECLINED | MeetingRequestStatus.EXPIRED,
    extra: {
      locale?: 'ja' | 'en';
      contact?: typeof contact | null;
      autoAccepted?: boolean;
      reply?: string;
    } = {},
  ) =>
    meetingOutcomeEmail({
      locale: extra.locale ?? 'ja',
      requesterName: extra.locale === 'en' ? 'Liam Walsh' : '﨑山 恵',
      recipient,
      contact: extra.contact === undefined ? contact : extra.contact,
      outcome: status,
      reply: extra.reply ?? '',
      autoAccepted: extra.autoAccepted ?? false,
      deadline,
      event,
      atVenue: false,
    });

  it('tells an English-speaking requester that the request expired, with the deadline and no contact details', () => {
    const email = outcome(MeetingRequestStatus.EXPIRED, { locale: 'en' });
    expect(email.text).toContain('did not answer your meeting request');
    expect(email.text).toContain('Tue 8 Dec 2026, 18:30 (JST)');
    expect(email.text).not.toContain(contact.email);
  });

  it('gives a declined and an expired request each its own subject', () => {
    expect(outcome(MeetingRequestStatus.DECLINED).subject).toBe(
      '【面談のお申込：今回は見送り】山本 健 様（しんきん ビジネスマッチング商談会）',
    );
    const expired = outcome(MeetingRequestStatus.EXPIRED);
    expect(expired.subject).toBe(
      '【面談のお申込：回答期限切れ】山本 健 様（しんきん ビジネスマッチング商談会）',
    );
    expect(expired.text).toContain('他の参加者の方へのお申込や、あらためてのお申込は引き続き可能です。');
    expect(outcome(MeetingRequestStatus.DECLINED, { locale: 'en' }).subject).toBe(
      '山本 健 cannot meet this time: しんきん ビジネスマッチング商談会',
    );
    expect(outcome(MeetingRequestStatus.EXPIRED, { locale: 'en' }).subject).toBe(
      'Your meeting request to 山本 健 has expired: しんきん ビジネスマッチング商談会',
    );
  });

  it("carries the answer's message to the requester, but not with an expiry", () => {
    const reply = '当日は14時以降でしたら、いつでも伺えます。';
    expect(outcome(MeetingRequestStatus.ACCEPTED, { reply }).text).toContain(
      `■ 先方からのメッセージ: ${reply}`,
    );
    expect(outcome(MeetingRequestStatus.DECLINED, { reply }).text).toContain(
      `■ 先方からのメッセージ: ${reply}`,
    );
    expect(outcome(MeetingRequestStatus.ACCEPTED, { reply: 'See you at 2pm.', locale: 'en' }).text).toContain(
      '■ Their message: See you at 2pm.',
    );
    expect(outcome(MeetingRequestStatus.EXPIRED, { reply }).text).not.toContain(reply);
    expect(outcome(MeetingRequestStatus.ACCEPTED).text).not.toContain('先方からのメッセージ');
  });

  it('gives the contact details with an agreed meeting only', () => {
    expect(outcome(MeetingRequestStatus.ACCEPTED).text).toContain('03-1234-5678');
    // The requester reads when the event is, as the person who accepted does.
    expect(outcome(MeetingRequestStatus.ACCEPTED).text).toContain('■ 日時: 2026年12月10日(木) 13:00〜17:00');
    expect(outcome(MeetingRequestStatus.ACCEPTED, { locale: 'en' }).text).toContain('■ Date:');
    expect(outcome(MeetingRequestStatus.DECLINED).text).not.toContain('03-1234-5678');
  });

  it('says politely that the contact details are withheld when the other side did not consent', () => {
    const ja = outcome(MeetingRequestStatus.ACCEPTED, { contact: null });
    expect(ja.subject).toBe('【面談成立】山本 健 様（しんきん ビジネスマッチング商談会）');
    expect(ja.text).toContain(
      '先方のご意向により連絡先はお知らせしておりません。当日、会場でお会いください。',
    );
    expect(ja.text).not.toContain('連絡先は次のとおりです');
    expect(ja.html).not.toContain('yamamoto@example.jp');
    const en = outcome(MeetingRequestStatus.ACCEPTED, { locale: 'en', contact: null });
    expect(en.text).toContain('their contact details are not shared');
  });

  it('does not say anyone accepted a request the event agreed automatically', () => {
    const ja = outcome(MeetingRequestStatus.ACCEPTED, { autoAccepted: true });
    expect(ja.text).toContain('自動で成立するため');
    expect(ja.text).not.toContain('承諾されました');
    const en = outcome(MeetingRequestStatus.ACCEPTED, { locale: 'en', autoAccepted: true });
    expect(en.subject).toBe('Meeting agreed with 山本 健: しんきん ビジネスマッチング商談会');
    expect(en.text).not.toContain('accepted your meeting request');
  });

  it('confirms the agreed meeting to the person asked, with the requester’s contact if they consented', () => {
    const agreed = (autoAccepted: boolean, shared: typeof contact | null) =>
      meetingAgreedEmail({
        locale: 'ja',
        recipientName: '山本 健',
        requester: { name: '﨑山 恵', company: null },
        contact: shared,
        autoAccepted,
        message: '試作のご相談です',
        event,
        atVenue: false,
      });
    const accepted = agreed(false, contact);
    expect(accepted.subject).toBe('【面談成立】﨑山 恵 様（しんきん ビジネスマッチング商談会）');
    expect(accepted.text).toContain('面談が成立しました');
    expect(accepted.text).toContain('03-1234-5678');
    // They read the message when they accepted; under AUTO_ACCEPT this is the first they hear.
    expect(accepted.text).not.toContain('試作のご相談です');
    const auto = agreed(true, null);
    expect(auto.text).toContain('自動で成立するため、面談が成立しました');
    expect(auto.text).toContain('試作のご相談です');
    expect(auto.text).toContain('先方のご意向により連絡先はお知らせしておりません');
    expect(auto.text).not.toContain('/meetings/respond');
  });

  it('puts the company first and 様 last, as Japanese business letters do', () => {
    const declined = outcome(MeetingRequestStatus.DECLINED);
    expect(declined.text).toContain('山本精工 山本 健 様は、今回は面談をお受けできないとのことです。');
    expect(declined.text).not.toContain('（山本精工）');
    expect(outcome(MeetingRequestStatus.DECLINED, { locale: 'en' }).text).toContain(
      '山本 健 (山本精工) is unable',
    );
    const cancelledInput: Parameters<typeof meetingCancelledEmail>[0] = {
      locale: 'ja',
      participantName: '﨑山 恵',
      event,
      pageUrl: 'https://example.jp/my-agenda/x/e1',
      entry: {
        id: 'm1',
        requestId: 'r1',
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        sequence: 1,
        cancelled: true,
        eventTitle: event.title,
        venue: event.venue,
        sessionName: '午後の部',
        tableLabel: '3',
        booth: false,
        counterpartName: '髙橋 一郎',
        counterpartCompany: '大和田印刷株式会社',
        missedBy: null,
        updatedAt: event.startsAt,
      },
    };
    const cancelled = meetingCancelledEmail(cancelledInput);
    expect(cancelled.text).toContain('での 大和田印刷株式会社 髙橋 一郎 様との面談は中止となりました');
    // Someone who left: the other side is told why, in English too, and whom to ask.
    const theyLeft = meetingCancelledEmail({ ...cancelledInput, locale: 'en', why: 'THEY_LEFT' });
    expect(theyLeft.text).toContain('has been cancelled, your meeting at');
    expect(theyLeft.text).toContain('If you would like to meet someone else there, please ask the organiser');
    expect(cancelled.text).toContain('大和田印刷株式会社 髙橋 一郎 様\n  テーブル 3');
    // What is left of their schedule is a tap away.
    expect(cancelled.text).toContain('▶ 面談スケジュールを見る\nhttps://example.jp/my-agenda/x/e1\n');
  });

  describe('agenda', () => {
    const entry = {
      id: 'm1',
      requestId: 'r1',
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      sequence: 0,
      cancelled: false,
      eventTitle: event.title,
      venue: event.venue,
      sessionName: '',
      tableLabel: '1',
      booth: false,
      counterpartName: '山本 健',
      counterpartCompany: null,
      missedBy: null,
      updatedAt: event.startsAt,
    };
    const agenda = (
      locale: 'ja' | 'en',
      count: number,
      unscheduled: { name: string; company: string | null }[] = [],
    ) =>
      agendaEmail({
        locale,
        participantName: locale === 'en' ? 'Liam Walsh' : '中野 健一',
        event,
        entries: Array.from({ length: count }, (_, i) => ({ ...entry, id: `m${i}` })),
        unscheduled,
        feedUrl: 'https://example.jp/agenda/x.ics',
        pageUrl: 'https://example.jp/my-agenda/x/e1',
      });
    const ando = { name: '安藤 美咲', company: '安藤金型製作所' };

    it('offers the feed as a subscription for each kind of calendar app, and the address for others', () => {
      const { text, html } = agenda('ja', 1);
      expect(text).toContain(
        '▶ iPhone・Mac・Outlook のカレンダーで購読する\nwebcal://example.jp/agenda/x.ics\n',
      );
      expect(text).toContain(
        '▶ Google カレンダーで購読する\nhttps://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fexample.jp%2Fagenda%2Fx.ics\n',
      );
      expect(text).toContain('次のアドレスを購読先として登録してください: https://example.jp/agenda/x.ics');
      expect(html).toContain('href="webcal://example.jp/agenda/x.ics"');
      // The page first: the schedule as it stands when opened on the day.
      expect(
        text.indexOf('▶ 最新の面談スケジュールを見る\nhttps://example.jp/my-agenda/x/e1\n'),
      ).toBeGreaterThan(0);
      expect(text.indexOf('最新の面談スケジュールを見る')).toBeLessThan(text.indexOf('購読する'));
      expect(agenda('en', 1).text).toContain(
        '▶ Subscribe on iPhone, Mac or Outlook\nwebcal://example.jp/agenda/x.ics',
      );
    });

    it('counts the meetings of an English agenda in the singular and plural', () => {
      expect(agenda('en', 1).subject).toBe(
        'Your meeting schedule: しんきん ビジネスマッチング商談会 (1 meeting)',
      );
      expect(agenda('en', 2).subject).toBe(
        'Your meeting schedule: しんきん ビジネスマッチング商談会 (2 meetings)',
      );
    });

    it('lists agreed meetings without a time apart, and counts them in the subject', () => {
      const email = agenda('ja', 2, [ando]);
      expect(email.subject).toBe('【面談スケジュール】しんきん ビジネスマッチング商談会（2件・時間未定1件）');
      expect(email.text).toContain(
        '■ 時間が未定の面談\n次の方との面談は成立していますが、時間枠に入りきらなかったため、時間と場所が決まっていません。お手数ですが、当日、会場の受付でご相談ください。時間が決まりましたら、あらためてお知らせします。\n・安藤金型製作所 安藤 美咲 様\n',
      );
      // After the meetings with a time, not among them.
      expect(email.text.indexOf('■ 時間が未定の面談')).toBeGreaterThan(email.text.indexOf('山本 健 様'));
      expect(email.html).toContain('<h2 style="margin:24px 0 8px;font-size:16px">時間が未定の面談</h2>');
      expect(email.html).toContain('<li>安藤金型製作所 安藤 美咲 様</li>');
      expect(agenda('ja', 2).text).not.toContain('時間が未定');
    });

    it('counts the people to meet at the venue in the subject as such, apart from meetings without a time yet', () => {
      const subject = (
        locale: 'ja' | 'en',
        at: { withoutSlots: boolean },
        timed: number,
        unscheduled: { atVenue?: boolean }[],
      ) =>
        agendaEmail({
          locale,
          participantName: '中野 健一',
          event: { ...event, ...at },
          entries: Array.from({ length: timed }, (_, i) => ({ ...entry, id: `m${i}` })),
          unscheduled: unscheduled.map((person, i) => ({ name: `参加者 ${i}`, company: null, ...person })),
          feedUrl: 'https://example.jp/agenda/x.ics',
          pageUrl: 'https://example.jp/my-agenda/x/e1',
        }).subject;
      // At a salon no time is to come: whether the caller says so of each or not.
      expect(subject('ja', { withoutSlots: true }, 0, [{}])).toBe(
        '【面談スケジュール】しんきん ビジネスマッチング商談会（会場でお会いする方1名）',
      );
      expect(subject('ja', { withoutSlots: true }, 0, [{ atVenue: true }, { atVenue: true }])).toBe(
        '【面談スケジュール】しんきん ビジネスマッチング商談会（会場でお会いする方2名）',
      );
      expect(subject('en', { withoutSlots: true }, 0, [{}])).toBe(
        'Your meeting schedule: しんきん ビジネスマッチング商談会 (1 person to meet at the venue)',
      );
      expect(subject('en', { withoutSlots: true }, 0, [{ atVenue: true }, { atVenue: true }])).toBe(
        'Your meeting schedule: しんきん ビジネスマッチング商談会 (2 people to meet at the venue)',
      );
      // Given 商談枠 later: those agreed before still meet at the venue; one agreed since waits for a time.
      const mixed = [{ atVenue: true }, { atVenue: false }];
      expect(subject('ja', { withoutSlots: false }, 2, mixed)).toBe(
        '【面談スケジュール】しんきん ビジネスマッチング商談会（2件・会場でお会いする方1名・時間未定1件）',
      );
      expect(subject('en', { withoutSlots: false }, 2, mixed)).toBe(
        'Your meeting schedule: しんきん ビジネスマッチング商談会 (2 meetings, 1 person to meet at the venue, 1 without a time yet)',
      );
      expect(subject('en', { withoutSlots: false }, 0, mixed)).toBe(
        'Your meeting schedule: しんきん ビジネスマッチング商談会 (1 person to meet at the venue, 1 meeting without a time yet)',
      );
      // At a 商談会, an agreed meeting the caller says nothing of is one waiting for a time.
      expect(subject('ja', { withoutSlots: false }, 0, [{}])).toBe(
        '【面談スケジュール】しんきん ビジネスマッチング商談会（時間未定1件）',
      );
    });

    it('still makes sense when no meeting has a time', () => {
      const ja = agenda('ja', 0, [ando]);
      expect(ja.subject).toBe('【面談スケジュール】しんきん ビジネスマッチング商談会（時間未定1件）');
      expect(ja.text).not.toContain('カレンダーファイル');
      const en = agenda('en', 0, [{ name: 'Emma Clarke', company: null }]);
      expect(en.subject).toBe(
        'Your meeting schedule: しんきん ビジネスマッチング商談会 (1 meeting without a time yet)',
      );
      expect(en.text).toContain(
        '■ Meetings without a time yet\nYour meetings with the people below are agreed, but they did not fit into the time slots, so no time or place has been set. Please ask at the reception desk at the venue on the day.',
      );
      expect(en.text).toContain('\n- Emma Clarke\n');
      expect(en.text).not.toContain('attached calendar file');
      expect(agenda('en', 3, [ando]).subject).toBe(
        'Your meeting schedule: しんきん ビジネスマッチング商談会 (3 meetings, 1 without a time yet)',
      );
    });

    describe('sent again after a change', () => {
      const at = (iso: string) => new Date(iso);
      const moved = {
        ...entry,
        id: 'moved',
        startsAt: at('2026-12-10T05:20:00Z'),
        endsAt: at('2026-12-10T05:40:00Z'),
        tableLabel: '2',
        counterpartName: '安藤 美咲',
        counterpartCompany: '安藤金型製作所',
      };
      const added = {
        ...entry,
        id: 'added',
        startsAt: at('2026-12-10T06:00:00Z'),
        endsAt: at('2026-12-10T06:20:00Z'),
      };
      const same = { ...entry, id: 'same', counterpartName: '井上 誠' };
      const update = (locale: 'ja' | 'en') =>
        agendaEmail({
          locale,
          participantName: locale === 'en' ? 'Liam Walsh' : '中野 健一',
          event,
          entries: [same, moved, added],
          unscheduled: [{ name: 'Emma Clarke', company: null, added: true }],
          feedUrl: 'https://example.jp/agenda/x.ics',
          pageUrl: 'https://example.jp/my-agenda/x/e1',
          changes: {
            marks: new Map([
              [
                'moved',
                {
                  kind: 'CHANGED' as const,
                  before: {
                    startsAt: at('2026-12-10T05:00:00Z'),
                    endsAt: at('2026-12-10T05:20:00Z'),
                    table: '3',
                    booth: false,
                  },
                },
              ],
              ['added', { kind: 'ADDED' as const }],
            ]),
            removed: [
              {
                name: '佐藤 花子',
                company: '佐藤商店',
                before: {
                  startsAt: at('2026-12-10T07:00:00Z'),
                  endsAt: at('2026-12-10T07:20:00Z'),
                  table: '1',
                  booth: false,
                },
              },
              { name: '鈴木 次郎', company: null, before: null },
            ],
          },
        });

      it('says so in the subject, counts what changed and marks each meeting in Japanese', () => {
        const email = update('ja');
        expect(email.subject).toBe(
          '【面談スケジュール（変更あり）】しんきん ビジネスマッチング商談会（3件・時間未定1件）',
        );
        expect(email.text).toContain(
          '「しんきん ビジネスマッチング商談会」の面談スケジュールに、前回お送りしたときから変更1件・追加2件・取り消し2件がありましたので、あらためてお送りします。変更のあった面談に【変更】、新しい面談に【追加】と記しています。取り消しになった面談は、最後にまとめています。',
        );
        expect(email.text).toContain(
          '■ 【変更】2026年12月10日(木) 14:20〜14:40: 安藤金型製作所 安藤 美咲 様\n  テーブル 2\n  （変更前: 12月10日(木) 14:00 テーブル 3）',
        );
        expect(email.text).toContain('■ 【追加】2026年12月10日(木) 15:00〜15:20: 山本 健 様\n  テーブル 1\n');
        // A meeting as it was carries no mark.
        expect(email.text).toContain('■ 2026年12月10日(木) 13:00〜17:00: 井上 誠 様\n  テーブル 1\n');
        expect(email.text).toContain('・【追加】Emma Clarke 様\n');
        expect(email.text).toContain(
          '■ 取り消しになった面談\n前回お送りしたスケジュールにあった次の面談は、取り消しになりました。\n・佐藤商店 佐藤 花子 様\n  （12月10日(木) 16:00 テーブル 1）\n・鈴木 次郎 様\n  （時間未定でした）\n',
        );
        expect(email.html).toContain(
          '<strong style="color:#b42318">【変更】</strong>2026年12月10日(木) 14:20〜14:40',
        );
        expect(email.html).toContain('（変更前: 12月10日(木) 14:00 テーブル 3）');
        expect(email.html).toContain(
          '<h2 style="margin:24px 0 8px;font-size:16px">取り消しになった面談</h2>',
        );
      });

      it('in English', () => {
        const email = update('en');
        expect(email.subject).toBe(
          'Updated meeting schedule: しんきん ビジネスマッチング商談会 (3 meetings, 1 without a time yet)',
        );
        expect(email.text).toContain(
          'Your meeting schedule for "しんきん ビジネスマッチング商談会" has changed since the one we last sent you: 1 changed, 2 new, 2 cancelled. Look for [Changed] and [New] below. Cancelled meetings are listed at the end.',
        );
        expect(email.text).toContain(
          '■ [Changed] Thu 10 Dec 2026, 14:20–14:40 (JST): 安藤 美咲 (安藤金型製作所)\n  Table 2\n  (before: Thu 10 Dec, 14:00 JST, Table 3)',
        );
        expect(email.text).toContain('- [New] Emma Clarke\n');
        expect(email.text).toContain(
          '■ Cancelled meetings\nThese meetings on the schedule we last sent you have been cancelled.\n- 佐藤 花子 (佐藤商店)\n  (was: Thu 10 Dec, 16:00 JST, Table 1)\n- 鈴木 次郎\n  (was: no time yet)\n',
        );
      });

      it('stays a plain agenda when nothing is marked', () => {
        const email = agendaEmail({
          locale: 'ja',
          participantName: '中野 健一',
          event,
          entries: [same],
          unscheduled: [],
          feedUrl: 'https://example.jp/agenda/x.ics',
          pageUrl: 'https://example.jp/my-agenda/x/e1',
          changes: { marks: new Map(), removed: [] },
        });
        expect(email.subject).toBe('【面談スケジュール】しんきん ビジネスマッチング商談会（1件）');
        expect(email.text).not.toContain('変更前');
      });
    });

    describe('on the agenda page', () => {
      const before = {
        startsAt: new Date('2026-12-10T03:30:00Z'),
        endsAt: new Date('2026-12-10T04:00:00Z'),
        table: '2',
        booth: false,
      };
      const seenAt = new Date('2026-12-06T02:00:00Z');
      const page = (data: Partial<AgendaPageData>) =>
        agendaPage({
          locale: 'ja',
          event,
          entries: [entry],
          unscheduled: [],
          changes: null,
          comparison: { version: 'v1', since: null, baseline: null },
          action: 'e1',
          feedUrl: 'https://example.jp/agenda/x.ics',
          notice: null,
          ...data,
        });

      it('lists the meetings with no mark and no button before anything was sent or seen', () => {
        const { title, body } = page({});
        expect(title).toBe('面談スケジュール（しんきん ビジネスマッチング商談会）');
        expect(body).toContain('山本 健 様<br>テーブル 1');
        expect(body).not.toContain('<form');
        expect(body).not.toContain('から、');
      });

      it('marks a move against the last look and offers 確認しました with the version shown', () => {
        const { body } = page({
          changes: { marks: new Map([['m1', { kind: 'CHANGED', before }]]), removed: [] },
          comparison: { version: 'v2', since: seenAt, baseline: 'SEEN' },
        });
        expect(body).toContain(
          '前回ご確認いただいたスケジュール（12月6日(日) 11:00）から、変更1件があります。【変更】の印のある面談をご確認ください。',
        );
        expect(body).toContain('（変更前: 12月10日(木) 12:30 テーブル 2）');
        expect(body).toContain(
          '<form method="post" action="e1"><input type="hidden" name="version" value="v2"><button type="submit">確認しました</button></form>',
        );
      });

      it('says what went when nothing is left, rather than that nothing was published yet', () => {
        const { body } = page({
          entries: [],
          changes: { marks: new Map(), removed: [{ name: '山本 健', company: '山本精工', before }] },
          comparison: { version: 'v3', since: seenAt, baseline: 'FIRST_SENT' },
        });
        expect(body).toContain(
          '最初にお送りしたスケジュール（12月6日(日) 11:00）から、取り消し1件があります。',
        );
        expect(body).toContain('最初にお送りしたスケジュールにあった次の面談は、取り消しになりました。');
        expect(body).not.toContain('まだありません');
      });

      it('confirms a mark, and says so when the agenda moved while it was read', () => {
        expect(
          page({ notice: 'SEEN', comparison: { version: 'v1', since: seenAt, baseline: 'SEEN' } }).body,
        ).toContain('確認済みにしました（12月6日(日) 11:00）。');
        expect(page({ notice: 'CHANGED_WHILE_READING' }).body).toContain(
          '表示した後に面談スケジュールが変わりました。',
        );
      });

      it('speaks English to an English reader', () => {
        const { title, body } = page({
          locale: 'en',
          entries: [],
          unscheduled: [{ name: '山本 健', company: '山本精工', added: true }],
          changes: { marks: new Map(), removed: [] },
          comparison: { version: 'v1', since: seenAt, baseline: 'SEEN' },
        });
        expect(title).toBe('Meeting schedule: しんきん ビジネスマッチング商談会');
        expect(body).toContain(
          'Since the schedule you last looked at (Sun 6 Dec, 11:00 JST): 1 new. Look for [New] below.',
        );
        expect(body).toContain('<button type="submit">I have seen it</button>');
      });
    });
  });

  it('names the deadline to answer by in the request, and promises contact only with consent', () => {
    const email = meetingRequestEmail({
      locale: 'ja',
      recipientName: '山本 健',
      requester: { name: '﨑山 恵', company: null, about: null, offers: '金属加工、試作', needs: '' },
      message: '',
      event,
      links: { accept: 'https://example.jp/a', decline: 'https://example.jp/d', expiresAt: deadline },
    });
    expect(email.text).toContain('回答期限は 2026年12月8日(火) 18:30 です。');
    expect(email.text).toContain('開示に同意された方の分に限りお知らせします');
    // What the requester offers helps the reader decide; an empty line is left out.
    expect(email.text).toContain('提供できること: 金属加工、試作');
    expect(email.text).not.toContain('求めること');
  });

  describe('the other side was erased since', () => {
    // As the participant row reads once erased: the name is a placeholder meant for staff only.
    const erasedEntry = {
      id: 'm1',
      requestId: 'r1',
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      sequence: 2,
      cancelled: true,
      eventTitle: event.title,
      venue: event.venue,
      sessionName: '午後の部',
      tableLabel: '3',
      booth: false,
      counterpartName: null,
      counterpartCompany: null,
      missedBy: null,
      updatedAt: event.startsAt,
    };
    const all = (email: { subject: string; text: string; html: string }) =>
      `${email.subject}\n${email.text}\n${email.html}`;

    it('calls the meeting off naming nobody, with the time and table that say which it was', () => {
      const ja = meetingCancelledEmail({
        locale: 'ja',
        participantName: '﨑山 恵',
        event,
        pageUrl: 'https://example.jp/my-agenda/x/e1',
        entry: erasedEntry,
      });
      expect(ja.subject).toBe('【面談中止】参加者の方との面談（しんきん ビジネスマッチング商談会）');
      expect(ja.text).toContain(
        '「しんきん ビジネスマッチング商談会」で予定されていた次の面談は中止となりました。',
      );
      expect(ja.text).toContain('■ 2026年12月10日(木) 13:00〜17:00: 参加者の方\n  テーブル 3\n');
      const en = meetingCancelledEmail({
        locale: 'en',
        participantName: 'Liam Walsh',
        event,
        pageUrl: 'https://example.jp/my-agenda/x/e1',
        entry: erasedEntry,
      });
      expect(en.subject).toBe('Meeting cancelled: しんきん ビジネスマッチング商談会');
      expect(en.text).toContain(
        'The meeting below at "しんきん ビジネスマッチング商談会" has been cancelled.',
      );
      expect(en.text).toContain(': A participant\n  Table 3\n');
      for (const email of [ja, en]) expect(all(email)).not.toMatch(/削除済み|null|undefined| 様との面談は/);
    });

    it('gives the calendar entry the event for a title, not a name', () => {
      expect(meetingIcsEvent('ja', erasedEntry, true).summary).toBe(
        '面談（しんきん ビジネスマッチング商談会）',
      );
      expect(meetingIcsEvent('en', erasedEntry, true).summary).toBe(
        'Meeting at しんきん ビジネスマッチング商談会',
      );
      expect(meetingIcsEvent('ja', { ...erasedEntry, counterpartName: '髙橋 一郎' }).summary).toBe(
        '面談: 髙橋 一郎',
      );
    });

    it('tells a requester their request was declined or expired, naming nobody', () => {
      const told = (
        status: MeetingRequestStatus.DECLINED | MeetingRequestStatus.EXPIRED,
        locale: 'ja' | 'en',
      ) =>
        meetingOutcomeEmail({
          locale,
          requesterName: locale === 'en' ? 'Liam Walsh' : '﨑山 恵',
          recipient: null,
          contact: null,
          outcome: status,
          reply: '',
          autoAccepted: false,
          deadline,
          event,
          atVenue: false,
        });
      const declined = told(MeetingRequestStatus.DECLINED, 'ja');
      expect(declined.subject).toBe('【面談のお申込：今回は見送り】しんきん ビジネスマッチング商談会');
      expect(declined.text).toContain(
        '「しんきん ビジネスマッチング商談会」での面談のお申込について、お相手の方は今回は面談をお受けできないとのことです。',
      );
      const expired = told(MeetingRequestStatus.EXPIRED, 'ja');
      expect(expired.subject).toBe('【面談のお申込：回答期限切れ】しんきん ビジネスマッチング商談会');
      expect(expired.text).toContain(
        '「しんきん ビジネスマッチング商談会」での面談のお申込は、回答期限（2026年12月8日(火) 18:30）までにお返事がなかったため、無効となりました。',
      );
      expect(told(MeetingRequestStatus.DECLINED, 'en').subject).toBe(
        'Your meeting request cannot go ahead this time: しんきん ビジネスマッチング商談会',
      );
      expect(told(MeetingRequestStatus.EXPIRED, 'en').text).toContain(
        'Your meeting request for "しんきん ビジネスマッチング商談会" was not answered by Tue 8 Dec 2026, 18:30 (JST), so it has expired.',
      );
      for (const status of [MeetingRequestStatus.DECLINED, MeetingRequestStatus.EXPIRED] as const)
        for (const locale of ['ja', 'en'] as const)
          expect(all(told(status, locale))).not.toMatch(/削除済み|null|undefined|様は|様への/);
    });

    it('lists them on an agenda as 参加者の方, with and without a time, and among the cancelled', () => {
      for (const locale of ['ja', 'en'] as const) {
        const email = agendaEmail({
          locale,
          participantName: locale === 'en' ? 'Liam Walsh' : '中野 健一',
          event,
          entries: [{ ...erasedEntry, cancelled: false }],
          unscheduled: [{ name: null, company: null, added: true }],
          feedUrl: 'https://example.jp/agenda/x.ics',
          pageUrl: 'https://example.jp/my-agenda/x/e1',
          changes: { marks: new Map(), removed: [{ name: null, company: null, before: null }] },
        });
        expect(all(email)).not.toMatch(/削除済み|null|undefined/);
        if (locale === 'ja') {
          expect(email.text).toContain(': 参加者の方\n  テーブル 3\n');
          expect(email.text).toContain('・【追加】参加者の方\n');
          expect(email.text).toContain('・参加者の方\n  （時間未定でした）\n');
          expect(email.text).not.toContain('参加者の方 様');
        } else {
          expect(email.text).toContain(': A participant\n  Table 3\n');
          expect(email.text).toContain('- [New] A participant\n');
          expect(email.text).toContain('- A participant\n  (was: no time yet)\n');
        }
      }
    });
  });

  describe('the other side left the event', () => {
    const left = (kind: 'AGREED' | 'REQUESTED', locale: 'ja' | 'en' = 'ja', erased = false) =>
      counterpartLeftEmail({
        locale,
        recipientName: locale === 'en' ? 'Liam Walsh' : '﨑山 恵',
        kind,
        leaver: erased ? null : recipient,
        event,
      });

    it('says the agreed meeting is off and why, that nothing is needed, and that others can be asked', () => {
      const email = left('AGREED');
      expect(email.subject).toBe('【面談取り消し】山本 健 様との面談（しんきん ビジネスマッチング商談会）');
      expect(email.text).toContain('﨑山 恵 様');
      expect(email.text).toContain(
        '「しんきん ビジネスマッチング商談会」で成立していた 山本精工 山本 健 様との面談は、先方がイベントへのご参加を取り消されたため、取りやめとなりました。',
      );
      expect(email.text).toContain(
        'お手続きいただくことはございません。他の参加者の方への面談のお申込は、引き続き可能です。',
      );
      expect(email.text).toContain('城北信用金庫');
    });

    it('tells a requester their request awaiting an answer cannot go ahead', () => {
      const email = left('REQUESTED');
      expect(email.subject).toBe('【面談のお申込：取り消し】山本 健 様（しんきん ビジネスマッチング商談会）');
      expect(email.text).toContain(
        '「しんきん ビジネスマッチング商談会」での 山本精工 山本 健 様への面談のお申込は、先方がイベントへのご参加を取り消されたため、お受けいただけなくなりました。',
      );
    });

    it('names nobody for a person erased', () => {
      for (const kind of ['AGREED', 'REQUESTED'] as const)
        for (const locale of ['ja', 'en'] as const) {
          const email = left(kind, locale, true);
          expect(`${email.subject}\n${email.text}\n${email.html}`).not.toMatch(/山本/);
        }
      expect(left('AGREED', 'ja', true).subject).toBe(
        '【面談取り消し】参加者の方との面談（しんきん ビジネスマッチング商談会）',
      );
      expect(left('REQUESTED', 'ja', true).subject).toBe(
        '【面談のお申込：取り消し】しんきん ビジネスマッチング商談会',
      );
      expect(left('AGREED', 'en', true).text).toContain(
        'Your agreed meeting with the other participant at "しんきん ビジネスマッチング商談会" has been called off',
      );
    });

    it('writes in English for locale en', () => {
      const agreed = left('AGREED', 'en');
      expect(agreed.subject).toBe('Meeting called off: 山本 健 (しんきん ビジネスマッチング商談会)');
      expect(agreed.text).toContain('Dear Liam Walsh,');
      expect(agreed.text).toContain('Your agreed meeting with 山本 健 (山本精工)');
      const requested = left('REQUESTED', 'en');
      expect(requested.subject).toBe(
        'Your meeting request to 山本 健 cannot go ahead: しんきん ビジネスマッチング商談会',
      );
      expect(requested.text).toContain(
        'Your meeting request to 山本 健 (山本精工) for "しんきん ビジネスマッチング商談会" cannot go ahead, as they are no longer taking part in the event.',
      );
    });
  });

  describe('at an event without 商談枠', () => {
    const salon = { ...event, title: '東京活性化サロン', withoutSlots: true };

    it('promises no time: the agreed meeting is met at the venue', () => {
      const email = meetingOutcomeEmail({
        locale: 'ja',
        requesterName: '﨑山 恵',
        recipient,
        contact,
        outcome: MeetingRequestStatus.ACCEPTED,
        reply: '',
        autoAccepted: false,
        deadline,
        event: salon,
        atVenue: true,
      });
      expect(email.text).toContain(
        'このイベントでは面談の時間枠を設けていません。当日、会場でお声がけください。',
      );
      expect(email.text).not.toContain('面談スケジュール');
    });

    it('says what the agreed meeting is, whatever 商談枠 the event has by the time the email is written', () => {
      const agreed = (locale: 'ja' | 'en', atVenue: boolean, withoutSlots: boolean) =>
        meetingAgreedEmail({
          locale,
          recipientName: locale === 'en' ? 'Liam Walsh' : '山本 健',
          requester: { name: '﨑山 恵', company: null },
          contact: null,
          autoAccepted: false,
          message: '',
          event: { ...salon, withoutSlots },
          atVenue,
        }).text;
      // At the venue, agreed before the salon was given a 商談枠: outside the time slots it has now.
      expect(agreed('ja', true, false)).toContain(
        '時間枠によらず会場内でお会いいただく面談です。当日、会場でお声がけください。先方のご意向により連絡先はお知らせしておりません。\n',
      );
      expect(agreed('ja', true, false)).not.toContain('面談スケジュール');
      expect(agreed('en', true, false)).toContain(
        'You meet at the venue, outside the time slots: please find each other there on the day. At their request their contact details are not shared.\n',
      );
      // Waiting for a slot, at an event that reads as one without 商談枠: the time still follows.
      expect(agreed('ja', false, true)).toContain(
        '面談の時間と場所は、面談スケジュールとしてあらためてお送りします。先方のご意向により連絡先はお知らせしておりません。当日、会場でお会いください。',
      );
      expect(agreed('ja', false, true)).not.toContain('時間枠を設けていません');
      expect(agreed('en', false, true)).toContain('The time and place will follow with your agenda.');
      expect(agreed('en', false, true)).not.toContain('no set meeting times');
    });

    it('lists the agreed meetings as people to meet on the day, not as meetings that did not fit', () => {
      for (const [locale, heading, not] of [
        ['ja', '当日お会いいただく方', '入りきらなかった'],
        ['en', 'People to meet on the day', 'did not fit'],
      ] as const) {
        const { text } = agendaEmail({
          locale,
          participantName: '中野 健一',
          event: salon,
          entries: [],
          unscheduled: [{ name: '安藤 美咲', company: '安藤金型製作所', added: false }],
          feedUrl: 'https://example.jp/agenda/x.ics',
          pageUrl: 'https://example.jp/my-agenda/x/e1',
        });
        expect(text).toContain(heading);
        expect(text).not.toContain(not);
      }
    });

    it('marks a meeting recorded as missed, and says a meeting called off was to be at the venue', () => {
      const email = (locale: 'ja' | 'en') =>
        agendaEmail({
          locale,
          participantName: '中野 健一',
          event: salon,
          entries: [],
          unscheduled: [{ name: '安藤 美咲', company: '安藤金型製作所', added: true, missedBy: 'THEM' }],
          feedUrl: 'https://example.jp/agenda/x.ics',
          pageUrl: 'https://example.jp/my-agenda/x/e1',
          changes: {
            marks: new Map(),
            removed: [{ name: '山本 健', company: '山本精工', before: null, atVenue: true }],
          },
        });
      const ja = email('ja');
      expect(ja.text).toContain(
        '・【不参加】安藤金型製作所 安藤 美咲 様\n  （先方がお越しになれず、面談は行われませんでした）\n',
      );
      expect(ja.text).toContain('・山本精工 山本 健 様\n  （会場内でお会いする予定でした）\n');
      // Missed is what became of it, not news: the update counts the one called off alone.
      expect(ja.text).toContain('取り消し1件がありました');
      const en = email('en');
      expect(en.text).toContain(
        '- [Missed] 安藤 美咲 (安藤金型製作所)\n  (The other side could not come, so the meeting did not take place.)\n',
      );
      expect(en.text).toContain('- 山本 健 (山本精工)\n  (was: to meet at the venue)\n');
      expect(en.text).toContain(': 1 cancelled.');
    });

    it('calls off a meeting at the venue with the event’s date and no word of a calendar', () => {
      for (const [locale, line, not] of [
        [
          'ja',
          '■ 2026年12月10日(木) 13:00〜17:00: 山本精工 山本 健 様\n  （会場内でお会いする予定でした）\n',
          'カレンダー',
        ],
        ['en', ': 山本 健 (山本精工)\n  (was: to meet at the venue)\n', 'calendar'],
      ] as const) {
        const email = meetingCancelledEmail({
          locale,
          participantName: '中野 健一',
          event: salon,
          entry: { counterpartName: '山本 健', counterpartCompany: '山本精工', atVenue: true },
          pageUrl: 'https://example.jp/my-agenda/x/e1',
        });
        expect(email.text).toContain(line);
        expect(email.text).not.toContain(not);
      }
      // One placed at a 商談会 but never published had no time the reader was told of.
      const unpublished = meetingCancelledEmail({
        locale: 'ja',
        participantName: '中野 健一',
        event,
        entry: { counterpartName: '山本 健', counterpartCompany: '山本精工', atVenue: false },
        pageUrl: 'https://example.jp/my-agenda/x/e1',
      });
      expect(unpublished.subject).toBe('【面談中止】山本 健 様との面談（しんきん ビジネスマッチング商談会）');
      expect(unpublished.text).toContain(
        '「しんきん ビジネスマッチング商談会」での 山本精工 山本 健 様との面談は中止となりました。',
      );
      expect(unpublished.text).toContain(': 山本精工 山本 健 様\n  （時間未定でした）\n');
    });

    it('keeps a meeting at the venue under its own heading once the event has 商談枠', () => {
      const email = (locale: 'ja' | 'en') =>
        agendaEmail({
          locale,
          participantName: '中野 健一',
          event: { ...event, withoutSlots: false },
          entries: [],
          unscheduled: [
            { name: '安藤 美咲', company: '安藤金型製作所', atVenue: true },
            { name: '山本 健', company: '山本精工', atVenue: false },
          ],
          feedUrl: 'https://example.jp/agenda/x.ics',
          pageUrl: 'https://example.jp/my-agenda/x/e1',
        }).text;
      expect(email('ja')).toContain(
        '■ 当日お会いいただく方\n次の方との面談が成立しています。時間枠によらず会場内でお会いいただく面談ですので、当日、会場でお声がけください。\n・安藤金型製作所 安藤 美咲 様\n\n■ 時間が未定の面談\n',
      );
      expect(email('ja')).toMatch(/■ 時間が未定の面談\n[^\n]+\n・山本精工 山本 健 様\n\n/);
      expect(email('en')).toContain(
        '■ People to meet on the day\nYour meetings with the people below are agreed, to meet at the venue outside the time slots: please find each other there on the day.\n- 安藤 美咲 (安藤金型製作所)\n\n■ Meetings without a time yet\n',
      );
    });

    it('sent again with every meeting called off, says there are none and which went', () => {
      const email = (locale: 'ja' | 'en') =>
        agendaEmail({
          locale,
          participantName: '中野 健一',
          event: salon,
          entries: [],
          unscheduled: [],
          feedUrl: 'https://example.jp/agenda/x.ics',
          pageUrl: 'https://example.jp/my-agenda/x/e1',
          changes: {
            marks: new Map(),
            removed: [{ name: '山本 健', company: '山本精工', before: null, atVenue: true }],
          },
        });
      const ja = email('ja');
      expect(ja.subject).toBe('【面談スケジュール（変更あり）】東京活性化サロン（面談なし）');
      expect(ja.text).toContain('取り消し1件がありましたので、あらためてお送りします。');
      expect(ja.text).toContain('現在、予定されている面談はありません。');
      expect(ja.text).toContain('・山本精工 山本 健 様\n  （会場内でお会いする予定でした）\n');
      const en = email('en');
      expect(en.subject).toBe('Updated meeting schedule: 東京活性化サロン (no meetings)');
      expect(en.text).toContain('You have no meetings planned at the moment.');
    });
  });
});
