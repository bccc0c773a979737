import { recommendInvitees } from './invitees';
import { MatchParticipant } from './types';

describe('recommendInvitees', () => {
  const registered: MatchParticipant[] = [
    { id: 'r1', industry: 'E', companyName: '葛飾精工', needs: ['事業承継'], themes: ['事業承継'] },
    { id: 'r2', industry: 'E', needs: ['後継者探し'], themes: ['事業承継'] },
  ];
  const pool: MatchParticipant[] = [
    { id: 'adviser', industry: 'L', offers: ['事業承継支援'], themes: ['事業承継'] },
    { id: 'banker', industry: 'J', offersText: '事業承継に伴う資金のご相談に乗ります' },
    { id: 'chef', industry: 'M', offers: ['ケータリング'], themes: ['観光'] },
    { id: 'r1', industry: 'E', needs: ['事業承継'] },
    { id: 'private', industry: 'L', offers: ['事業承継支援'], optIn: false },
    { id: 'adviser-colleague', industry: 'L', company: 'x', offers: ['事業承継支援'], themes: ['事業承継'] },
    {
      id: 'adviser-colleague-2',
      industry: 'L',
      company: 'x',
      offers: ['事業承継支援'],
      themes: ['事業承継'],
    },
  ];

  it('ranks people who fit the theme and complement the room, skipping registered and opted-out', () => {
    const ranked = recommendInvitees({ themes: ['事業承継'], registered, pool, limit: 10 });
    const ids = ranked.map((r) => r.id);
    expect(ids.slice(0, 2).sort()).toEqual(['adviser', 'adviser-colleague']);
    expect(ids).toContain('banker');
    expect(ids).not.toContain('r1');
    expect(ids).not.toContain('private');
    expect(ids).not.toContain('adviser-colleague-2');
    expect(ids).not.toContain('chef');
  });

  it('reads a banker who wants to meet owners with funding needs as offering, not needing, 資金調達', () => {
    const banker: MatchParticipant = {
      id: 'shinkin',
      industry: 'J',
      companyName: '城東信用金庫',
      offers: ['融資'],
      needsText: '資金需要や承継の悩みを抱える事業者と早めにつながりたい',
    };
    const [first] = recommendInvitees({ themes: ['資金調達'], registered: [], pool: [banker] });
    expect(first.reasons[0]).toBe('提供できること『融資』がテーマ『資金調達』に合います');
  });

  it('explains each recommendation', () => {
    const [first] = recommendInvitees({ themes: ['事業承継'], registered, pool, limit: 1 });
    expect(first.reasons).toEqual([
      '提供できること『事業承継支援』がテーマ『事業承継』に合います',
      '登録済みの参加者2名（葛飾精工など）と補完し合えます',
      '参加者にまだいない業種（学術研究，専門・技術サービス業）です',
    ]);
    const [english] = recommendInvitees({ themes: ['事業承継'], registered, pool, limit: 1, locale: 'en' });
    expect(english.reasons[0]).toBe("Offers '事業承継支援', which fits the event theme '事業承継'");
  });

  describe('for a mini-salon asked for in an area', () => {
    const people: MatchParticipant[] = [
      { id: 'far', industry: 'L', municipality: '大阪府東大阪市', offers: ['販路開拓支援'] },
      { id: 'near', industry: 'E', municipality: '東京都墨田区', offers: ['EC構築'] },
      { id: 'local', industry: 'I', municipality: '東京都葛飾区', needs: ['販路開拓'] },
      { id: 'local-unrelated', industry: 'M', municipality: '東京都葛飾区', offers: ['ケータリング'] },
    ];
    const recommend = (area?: string, locale?: 'en') =>
      recommendInvitees({ themes: ['販路開拓'], registered: [], pool: people, limit: 10, area, locale });

    it('puts people of the area first, then its prefecture, among those who fit as well', () => {
      const alike: MatchParticipant[] = [
        { id: 'osaka', industry: 'I', municipality: '大阪府東大阪市', needs: ['販路開拓'] },
        { id: 'sumida', industry: 'I', municipality: '東京都墨田区', needs: ['販路開拓'] },
        { id: 'katsushika', industry: 'I', municipality: '東京都葛飾区', needs: ['販路開拓'] },
        { id: 'katsushika-unrelated', industry: 'M', municipality: '東京都葛飾区', offers: ['ケータリング'] },
      ];
      const ids = (area?: string) =>
        recommendInvitees({ themes: ['販路開拓'], registered: [], pool: alike, limit: 10, area }).map(
          (r) => r.id,
        );
      expect(ids()).toEqual(['osaka', 'sumida', 'katsushika']);
      expect(ids('東京都葛飾区')).toEqual(['katsushika', 'sumida', 'osaka']);
      // Written with a space, it is the same area; being there does not bring in who fits nothing.
      expect(ids('東京都 葛飾区')).toEqual(['katsushika', 'sumida', 'osaka']);
    });

    it('gives each person their own reasons: their words that meet the theme, and where they are', () => {
      const byId = new Map(recommend('東京都葛飾区').map((r) => [r.id, r.reasons]));
      expect(byId.get('local')).toEqual([
        '求めること『販路開拓』がテーマ『販路開拓』に合います',
        '開催地域（東京都葛飾区）の事業者です',
      ]);
      expect(byId.get('near')?.[1]).toBe('開催地域と同じ東京都の事業者です（東京都墨田区）');
      expect(byId.get('far')).toHaveLength(1);
      expect(byId.get('far')?.[0]).toMatch(/^提供できること『販路開拓支援』/);
      const reasons = [...byId.values()].map((list) => list.join(' / '));
      expect(new Set(reasons).size).toBe(reasons.length);
      const english = new Map(recommend('東京都葛飾区', 'en').map((r) => [r.id, r.reasons]));
      expect(english.get('local')).toEqual([
        "Looking for '販路開拓', which the event theme '販路開拓' is about",
        "Based in the event's area (東京都葛飾区)",
      ]);
    });
  });
});
