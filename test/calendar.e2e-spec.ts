import ICAL from 'ical.js';
import { Role } from '../src/auth/actor';
import { createOrganization, createPublishedEvent, staffSession, tokyoInDays } from './support/fixtures';
import { createTestApp, ok, TestApp } from './support/test-app';

describe('shared event calendar', () => {
  let t: TestApp;
  let kawaguchi: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await staffSession(t, Role.ADMIN, null);
    const ota = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, {
        name: '大田区産業振興協会',
        kind: 'SUPPORT_AGENCY',
        municipality: '東京都大田区',
      }),
    );
    const kawaguchiId = await createOrganization(t, admin, {
      name: '川口商工会議所',
      municipality: '埼玉県川口市',
    });
    kawaguchi = await staffSession(t, Role.ORGANIZER, kawaguchiId);
    await createPublishedEvent(t, ota, {
      kind: 'TRADE_FAIR',
      title: 'おおた工業フェア',
      coHostIds: [kawaguchiId],
      titleEn: 'Ota Industrial Fair',
      venue: '大田区産業プラザPiO 大展示ホール',
      venueEn: 'Ota City Industrial Plaza PiO, Large Exhibition Hall',
      capacity: 500,
      startsAt: tokyoInDays(10, '10:00'),
      endsAt: tokyoInDays(11, '17:00'),
    });
    await createPublishedEvent(t, kawaguchi, {
      title: '川口i-mono 異業種交流会',
      startsAt: tokyoInDays(12, '18:30'),
      endsAt: tokyoInDays(12, '20:30'),
    });
    await createPublishedEvent(t, kawaguchi, {
      title: '招待制の経営塾',
      visibility: 'INVITE_ONLY',
      startsAt: tokyoInDays(13, '18:30'),
      endsAt: tokyoInDays(13, '20:30'),
    });
    ok(
      await t.gql(
        'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
        {
          input: {
            kind: 'SEMINAR',
            title: '下書きのセミナー',
            venue: '川口総合文化センター',
            startsAt: tokyoInDays(12, '10:00'),
            endsAt: tokyoInDays(12, '12:00'),
          },
        },
        kawaguchi,
      ),
    );
  });
  afterAll(() => t.close());

  it("lists every organisation's published public events to anyone, in order", async () => {
    const data = ok(
      await t.gql<{ eventCalendar: { title: string; organization: { name: string } }[] }>(
        'query($from: DateTime!, $to: DateTime!) { eventCalendar(from: $from, to: $to) { title organization { name } } }',
        { from: tokyoInDays(0, '00:00'), to: tokyoInDays(60, '00:00') },
      ),
    );
    expect(data.eventCalendar).toEqual([
      { title: 'おおた工業フェア', organization: { name: '大田区産業振興協会' } },
      { title: '川口i-mono 異業種交流会', organization: { name: '川口商工会議所' } },
    ]);
    const forStaff = ok(
      await t.gql<{ eventCalendar: unknown[] }>(
        'query($from: DateTime!, $to: DateTime!) { eventCalendar(from: $from, to: $to) { title } }',
        { from: tokyoInDays(0, '00:00'), to: tokyoInDays(60, '00:00') },
        kawaguchi,
      ),
    );
    expect(forStaff.eventCalendar).toHaveLength(3);
  });

  it('exports the calendar as staff see it, invite-only events included, as CSV', async () => {
    const get = (query: string, token?: string) =>
      fetch(
        `${t.url}/exports/calendar.csv${query}`,
        token ? { headers: { authorization: `Bearer ${token}` } } : {},
      );
    const response = await get('', kawaguchi);
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('開始,終了,種類,イベント名,主催,共催,会場,オンライン,テーマ,公開範囲,イベントID');
    expect(lines.map((line) => line.split(',')[3])).toEqual([
      'イベント名',
      'おおた工業フェア',
      '川口i-mono 異業種交流会',
      '招待制の経営塾',
    ]);
    expect(lines[3]).toContain(',招待制,');
    expect((await get('?from=2099-01-01&to=2099-01-31', kawaguchi)).status).toBe(200);
    for (const [query, field] of [
      ['?from=12/01', 'from'],
      ['?to=2027-02-30', 'to'],
      ['?from=2027-01-10&to=2027-01-09', 'to'],
      ['?from=2027-01-01&to=2028-03-01', 'to'],
    ]) {
      const bad = await get(query, kawaguchi);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: 'BAD_USER_INPUT', field });
    }
    // `to` as a day includes that day: the fair on day 10 is in a range that ends on its day.
    const fairDay = tokyoInDays(10, '10:00').slice(0, 10);
    const oneDay = await get(`?from=${fairDay}&to=${fairDay}`, kawaguchi);
    expect(
      (await oneDay.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .slice(1),
    ).toEqual([expect.stringContaining(',おおた工業フェア,')]);
    expect((await get('')).status).toBe(401);
  });

  it('serves the same as iCalendar that a standard parser reads in Asia/Tokyo, with stable UIDs', async () => {
    const fetchIcs = async () => {
      const response = await fetch(`${t.url}/calendar.ics`);
      expect(response.headers.get('content-type')).toContain('text/calendar');
      return response.text();
    };
    const text = await fetchIcs();
    expect(text).toContain('\r\n');
    const calendar = new ICAL.Component(ICAL.parse(text));
    ICAL.TimezoneService.register(new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.summary)).toEqual([
      '【展示会】おおた工業フェア',
      '【サロン】川口i-mono 異業種交流会',
    ]);
    const fair = events[0];
    expect(fair.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Tokyo');
    expect(fair.startDate.zone.tzid).toBe('Asia/Tokyo');
    expect(fair.startDate.toJSDate().toISOString()).toBe(new Date(tokyoInDays(10, '10:00')).toISOString());
    expect(fair.endDate.toJSDate().toISOString()).toBe(new Date(tokyoInDays(11, '17:00')).toISOString());
    expect(fair.uid).toMatch(/^event-[0-9a-f-]{36}@tsunagu$/);
    // Each entry's URL opens the event's public page, in Japanese.
    const page = await fetch(String(fair.component.getFirstPropertyValue('url')));
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const shown of ['おおた工業フェア', '展示会', '日時']) expect(html).toContain(shown);
    // The organiser and the co-host each as what they are, on the page and in the entry.
    expect(html).toContain('<dt>主催</dt><dd>大田区産業振興協会</dd><dt>共催</dt><dd>川口商工会議所</dd>');
    expect(fair.description.split('\n').slice(0, 2)).toEqual([
      '主催: 大田区産業振興協会',
      '共催: 川口商工会議所',
    ]);
    const draftId: string = (
      await t.dataSource.query(`SELECT id FROM events WHERE title = '下書きのセミナー'`)
    )[0].id;
    expect((await fetch(`${t.url}/events/${draftId}`)).status).toBe(404);
    expect((await fetch(`${t.url}/events/not-an-id`)).status).toBe(404);
    const again = new ICAL.Component(ICAL.parse(await fetchIcs()));
    expect(again.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'))).toEqual(
      events.map((e) => e.uid),
    );
  });

  it('serves the feed in English with ?lang=en (English titles where given), its entries linking to the English pages', async () => {
    const text = await (await fetch(`${t.url}/calendar.ics?lang=en`)).text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Tsunagu shared event calendar');
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.summary)).toEqual([
      'Ota Industrial Fair (Trade fair)',
      '川口i-mono 異業種交流会 (Salon)',
    ]);
    expect(events[0].description).toMatch(/^Organised by /);
    expect(events[0].location).toBe('Ota City Industrial Plaza PiO, Large Exhibition Hall');
    const url = String(events[0].component.getFirstPropertyValue('url'));
    expect(url).toMatch(/lang=en/);
    const html = await (await fetch(url)).text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('Ota Industrial Fair');
    expect(html).not.toContain('おおた工業フェア');
    expect(html).toContain('Ota City Industrial Plaza PiO, Large Exhibition Hall');
    expect(html).not.toContain('大田区産業プラザPiO');
  });
});
