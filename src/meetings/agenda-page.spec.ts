import { EventStatus } from '../events/event-enums';
import { agendaPage, AgendaPageData } from './agenda-page';

describe('agendaPage', () => {
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
  const entry = {
    id: 'm1',
    requestId: 'r1',
    startsAt: new Date('2026-12-10T05:00:00Z'),
    endsAt: new Date('2026-12-10T05:30:00Z'),
    sequence: 1,
    cancelled: false,
    eventTitle: event.title,
    venue: event.venue,
    sessionName: '午後の部',
    tableLabel: '2',
    booth: false,
    counterpartName: '山本 健',
    counterpartCompany: '山本精工',
    updatedAt: event.startsAt,
  };
  const before = {
    startsAt: new Date('2026-12-10T04:30:00Z'),
    endsAt: new Date('2026-12-10T05:00:00Z'),
    table: '1',
    booth: false,
  };
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
  const seenAt = new Date('2026-12-06T02:00:00Z');

  it('lists the meetings with no mark and no button before anything was sent or seen', () => {
    const { title, body } = page({});
    expect(title).toBe('面談スケジュール（しんきん ビジネスマッチング商談会）');
    expect(body).toContain('山本精工 山本 健 様<br>テーブル 2');
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
    expect(body).toContain('（変更前: 12月10日(木) 13:30 テーブル 1）');
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
    expect(body).toContain('最初にお送りしたスケジュール（12月6日(日) 11:00）から、取り消し1件があります。');
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
      'Since the schedule you last looked at (Sun 6 Dec, 11:00): 1 new. Look for [New] below.',
    );
    expect(body).toContain('<button type="submit">I have seen it</button>');
  });
});
