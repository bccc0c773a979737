import ICAL from 'ical.js';
import { buildIcs } from './ics-calendar';

describe('buildIcs', () => {
  const description = [
    'テーマ: 事業承継・販路開拓・生産性向上',
    '若手経営者・後継者向けの商談会です。江戸切子や金属加工の事業者が、新しい取引先と出会います。'.repeat(3),
    'Themes: 事業承継 (business succession), 販路開拓 (new sales channels)',
  ].join('\n');
  const ics = buildIcs({
    name: '東京活性化サロン',
    events: [
      {
        uid: 'event-1@tsunagu',
        start: new Date('2026-12-10T04:00:00Z'),
        end: new Date('2026-12-10T06:00:00Z'),
        summary:
          '令和8年度 第3回 東京活性化サロン〜島しょ・西多摩地域の活性化に向けて〜（青梅商工会議所 共催）',
        description,
        location: '青梅商工会議所 会館 2階 大会議室（東京都青梅市上町373-1）',
      },
    ],
  });

  it('keeps every line within 75 octets, Japanese text folded on character boundaries', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    const lines = ics.slice(0, -2).split('\r\n');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
  });

  it('unfolds to the text it was given', () => {
    const [vevent] = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(vevent.getFirstPropertyValue('description')).toBe(description);
    expect(vevent.getFirstPropertyValue('location')).toBe(
      '青梅商工会議所 会館 2階 大会議室（東京都青梅市上町373-1）',
    );
  });
});
