import { computeSuggestions } from './engine';
import { MatchPerson, toInviteeInput, toMatchInput } from './match-input';

const person = (id: string, fields: Partial<MatchPerson> = {}): MatchPerson => ({
  id,
  name: `参加者${id}`,
  kind: 'SME_OWNER',
  locale: 'ja',
  offers: [],
  needs: [],
  themes: [],
  offersText: '',
  needsText: '',
  consentMatchmaking: true,
  company: null,
  ...fields,
});

const noHistory = { metBefore: [], dismissed: [] };
const defaults = { crossIndustryBonus: null, allowExhibitorPairs: null };

describe('toMatchInput', () => {
  it('maps profile, company and registration role to the engine fields', () => {
    const input = toMatchInput(
      [
        person('a', {
          name: '髙橋 美﨑',
          locale: 'en',
          offers: ['金属加工'],
          needs: ['販路開拓'],
          themes: ['事業承継'],
          offersText: '精密板金',
          needsText: '新しい取引先',
          role: 'SELLER',
          company: { id: 'c1', name: '髙橋製作所', industry: 'E', municipality: '東京都葛飾区' },
        }),
      ],
      noHistory,
      defaults,
    );
    expect(input.participants).toEqual([
      {
        id: 'a',
        name: '髙橋 美﨑',
        companyName: '髙橋製作所',
        company: 'c1',
        industry: 'E',
        municipality: '東京都葛飾区',
        kind: 'SME_OWNER',
        role: 'SELLER',
        locale: 'en',
        offers: ['金属加工'],
        needs: ['販路開拓'],
        themes: ['事業承継'],
        offersText: '精密板金',
        needsText: '新しい取引先',
        metBefore: [],
        dismissed: [],
      },
    ]);
    expect(input.settings).toEqual({});
  });

  it('leaves out people without matchmaking consent, and history pointing at them', () => {
    const input = toMatchInput(
      [person('a'), person('b', { consentMatchmaking: false }), person('c')],
      {
        metBefore: [
          ['a', 'b'],
          ['a', 'c'],
        ],
        dismissed: [{ participantId: 'c', dismissedId: 'b' }],
      },
      defaults,
    );
    expect(input.participants.map((p) => p.id)).toEqual(['a', 'c']);
    expect(input.participants.find((p) => p.id === 'a')?.metBefore).toEqual(['c']);
    expect(input.participants.find((p) => p.id === 'c')?.metBefore).toEqual(['a']);
    expect(input.participants.find((p) => p.id === 'c')?.dismissed).toEqual([]);
  });

  it('makes met-before symmetric and keeps dismissals one-way', () => {
    const input = toMatchInput(
      [person('a'), person('b'), person('c')],
      { metBefore: [['b', 'a']], dismissed: [{ participantId: 'a', dismissedId: 'c' }] },
      defaults,
    );
    const byId = Object.fromEntries(input.participants.map((p) => [p.id, p]));
    expect(byId.a.metBefore).toEqual(['b']);
    expect(byId.b.metBefore).toEqual(['a']);
    expect(byId.a.dismissed).toEqual(['c']);
    expect(byId.c.dismissed).toEqual([]);
  });

  it('passes only the event settings that are set', () => {
    expect(
      toMatchInput([], noHistory, { crossIndustryBonus: 0, allowExhibitorPairs: true }).settings,
    ).toEqual({ crossIndustryBonus: 0, allowExhibitorPairs: true });
    expect(
      toMatchInput([], noHistory, { crossIndustryBonus: 0.3, allowExhibitorPairs: null }).settings,
    ).toEqual({ crossIndustryBonus: 0.3 });
    // An event whose 商談枠 are all at booths: every pair has an exhibitor on one side.
    expect(
      toMatchInput([], noHistory, { crossIndustryBonus: null, allowExhibitorPairs: null, boothsOnly: true })
        .settings,
    ).toEqual({ exhibitorOnOneSide: true });
  });

  it('gives the engine what it needs to honour dismissals and past meetings', () => {
    const seller = (id: string) => person(id, { offers: ['EC構築支援'], needs: ['金属加工'] });
    const input = toMatchInput(
      [
        person('buyer', { needs: ['販路開拓'], offers: ['金属加工'] }),
        seller('s1'),
        seller('s2'),
        seller('s3'),
      ],
      { metBefore: [['buyer', 's2']], dismissed: [{ participantId: 'buyer', dismissedId: 's1' }] },
      defaults,
    );
    const output = computeSuggestions(input, { top: 5 });
    expect(output.suggestions.buyer.map((s) => s.id)).toEqual(['s3']);
    // Dismissal is one-way: s1 may still be suggested the buyer.
    expect(output.suggestions.s1.map((s) => s.id)).toEqual(['buyer']);
    expect(output.suggestions.s2).toEqual([]);
  });
});

describe('toInviteeInput', () => {
  it('describes the event by its themes, title and description, in Japanese', () => {
    const input = toInviteeInput(
      { title: 'ミニサロン（DX）', description: '中小企業のデジタル化', themes: ['DX'] },
      [person('r', { role: 'VISITOR' })],
      [person('p')],
      20,
    );
    expect(input).toMatchObject({
      themes: ['DX'],
      text: 'ミニサロン（DX）。中小企業のデジタル化',
      limit: 20,
      locale: 'ja',
    });
    expect(input.registered.map((p) => p.id)).toEqual(['r']);
    expect(input.pool.map((p) => p.id)).toEqual(['p']);
    expect(input).not.toHaveProperty('area');
  });

  it('carries the area a mini-salon was asked for', () => {
    const event = { title: 'ミニサロン', description: '', themes: ['販路開拓'] };
    expect(toInviteeInput(event, [], [person('p')], 20, '東京都葛飾区').area).toBe('東京都葛飾区');
  });
});
