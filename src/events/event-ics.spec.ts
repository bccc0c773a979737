import { EventKind, EventVisibility } from './event-enums';
import { eventCalendarEntry } from './event-ics';

describe("an event's calendar entry", () => {
  const event = {
    id: 'e1',
    kind: EventKind.BUSINESS_MATCHING,
    title: 'すみだ ものづくり商談会',
    description: '',
    themes: ['事業承継', '販路開拓'],
    venue: '墨田区産業会館',
    onlineUrl: 'https://meet.example.jp/sumida',
    startsAt: new Date('2026-12-12T04:00:00Z'),
    endsAt: new Date('2026-12-12T08:00:00Z'),
    sequence: 2,
    updatedAt: new Date('2026-11-01T00:00:00Z'),
    visibility: EventVisibility.PUBLIC,
    organization: { name: '墨田区商工会議所' },
    coHosts: [{ name: '東京財務事務所' }],
  } as unknown as Parameters<typeof eventCalendarEntry>[0];

  it('reads in Japanese for the feed and Japanese readers', () => {
    const entry = eventCalendarEntry(event, 'https://tsunagu.example.jp');
    expect(entry.summary).toBe('【商談会】すみだ ものづくり商談会');
    expect(entry.description).toBe(
      '主催: 墨田区商工会議所\n共催: 東京財務事務所\nテーマ: 事業承継、販路開拓\nオンライン参加: https://meet.example.jp/sumida',
    );
    expect(entry.url).toBe('https://tsunagu.example.jp/events/e1');
  });

  it('reads in English for a participant whose locale is en, and links to the English page', () => {
    const entry = eventCalendarEntry(event, 'https://tsunagu.example.jp', 'en');
    expect(entry.summary).toBe('すみだ ものづくり商談会 (Business matching)');
    expect(entry.description).toBe(
      'Organised by 墨田区商工会議所\nCo-hosted by 東京財務事務所\nThemes: 事業承継 (business succession), 販路開拓 (new sales channels)\nOnline: https://meet.example.jp/sumida',
    );
    expect(entry.url).toBe('https://tsunagu.example.jp/events/e1?lang=en');
    expect(entry.sequence).toBe(2);
  });

  it('has no link for an invitation-only event, whose public page does not exist', () => {
    const entry = eventCalendarEntry(
      { ...event, visibility: EventVisibility.INVITE_ONLY },
      'https://x.example',
    );
    expect(entry.url).toBeNull();
  });
});
