import { computeSuggestions } from './match-engine';
import { MatchInput, MatchParticipant, MatchSettings, Suggestion } from './types';

function event(participants: MatchParticipant[], settings?: MatchSettings): MatchInput {
  return { participants, settings };
}

function listFor(input: MatchInput, id: string, top = 10): Suggestion[] {
  return computeSuggestions(input, { top }).suggestions[id];
}

function idsFor(input: MatchInput, id: string, top = 10): string[] {
  return (listFor(input, id, top) ?? []).map((s) => s.id);
}

// A small manufacturer who wants sales channels and can machine metal.
const maker: MatchParticipant = {
  id: 'maker',
  industry: 'E',
  companyName: '葛飾精工',
  needs: ['販路開拓'],
  offers: ['金属加工'],
};

describe('computeSuggestions', () => {
  describe('complementarity', () => {
    it('suggests someone who offers what I need, and someone who needs what I offer', () => {
      const input = event([
        maker,
        { id: 'seller', industry: 'E', offers: ['販路開拓'] },
        { id: 'buyer', industry: 'E', needs: ['金属加工'] },
        { id: 'unrelated', industry: 'E', needs: ['社員研修'], offers: ['税務相談'] },
      ]);
      expect(idsFor(input, 'maker').sort()).toEqual(['buyer', 'seller']);
      expect(idsFor(input, 'seller')).toEqual(['maker']);
      expect(idsFor(input, 'buyer')).toEqual(['maker']);
    });

    it('ranks a mutual fit above a one-sided one', () => {
      const input = event([
        maker,
        { id: 'one-sided', industry: 'E', offers: ['販路開拓'] },
        { id: 'mutual', industry: 'E', offers: ['販路開拓'], needs: ['金属加工'] },
      ]);
      const list = listFor(input, 'maker');
      expect(list.map((s) => s.id)).toEqual(['mutual', 'one-sided']);
      expect(list[0].score).toBeGreaterThan(list[1].score);
      expect(list[0].reasons).toContain('相互に補完できる関係です');
      expect(list[1].reasons).not.toContain('相互に補完できる関係です');
    });

    it('ranks complementarity above a merely shared theme', () => {
      const input = event([
        { ...maker, themes: ['事業承継'] },
        { id: 'same-theme', industry: 'E', themes: ['事業承継'], offers: ['社員研修'] },
        { id: 'helper', industry: 'E', offers: ['販路開拓'] },
      ]);
      expect(idsFor(input, 'maker')).toEqual(['helper', 'same-theme']);
      expect(listFor(input, 'maker')[1].reasons).toEqual(['共通のテーマ『事業承継』に関心をお持ちです']);
    });

    it('matches Japanese free text where the tags do not', () => {
      const input = event([
        { id: 'shop', needsText: '古くなったホームページを作り直したいです' },
        { id: 'studio', companyName: 'デザイン工房', offersText: 'ホームページ制作とロゴデザインを承ります' },
        { id: 'farmer', offersText: '朝採れの野菜を飲食店にお届けします' },
      ]);
      const list = listFor(input, 'shop');
      expect(list.map((s) => s.id)).toEqual(['studio']);
      // Quoted as they wrote it: neither chose a tag called ホームページ制作.
      expect(list[0].reasons[0]).toBe(
        '御社の「古くなったホームページを作り直したいです」というニーズに、デザイン工房の「ホームページ制作とロゴデザインを承ります」が合います',
      );
    });

    it('matches paraphrases of the same need through the thesaurus', () => {
      const input = event([
        { id: 'maker', needsText: '売り先を増やしたい' },
        { id: 'broker', companyName: '東京商事', offers: ['取引先紹介'] },
      ]);
      expect(listFor(input, 'maker')[0].reasons[0]).toBe(
        '御社の「売り先を増やしたい」というニーズに、東京商事の『取引先紹介』が合います',
      );
    });

    it('names the matched phrase for a text match outside the thesaurus', () => {
      const input = event([
        { id: 'a', needsText: '和紙の風合いを生かした照明器具を作りたい' },
        { id: 'b', companyName: '越前和紙工房', offersText: '手すきの和紙を一枚から製造しています' },
      ]);
      expect(listFor(input, 'a')[0].reasons[0]).toBe(
        '御社のニーズと越前和紙工房の提供内容で『和紙』に関する記述が一致します',
      );
    });
  });

  describe('reasons true to what each wrote', () => {
    // Two 中小企業診断士 with the same profile, a bank and two owners, as at a 事業承継 salon.
    const consultant = (id: string, companyName: string): MatchParticipant => ({
      id,
      companyName,
      industry: 'L',
      needs: ['専門家連携'],
      needsText: '弁護士・金融機関など他の専門家と連携して承継案件に対応したい',
      offers: ['事業承継', '経営改善'],
      offersText: '事業承継計画の策定と経営改善を支援します',
    });
    const bank: MatchParticipant = {
      id: 'bank',
      companyName: '城東信用金庫',
      industry: 'J',
      offers: ['融資'],
      needsText: '資金需要や承継の悩みを抱える事業者と早めにつながりたい',
    };
    const owner: MatchParticipant = {
      id: 'owner',
      companyName: '山田製作所',
      industry: 'E',
      needs: ['事業承継'],
      offers: ['金属加工'],
    };
    const lawyer: MatchParticipant = {
      id: 'lawyer',
      companyName: '葛飾総合法律事務所',
      industry: 'L',
      offers: ['法律相談'],
    };
    const input = event([
      consultant('fukuda', '福田経営事務所'),
      consultant('kikusui', '菊水経営研究所'),
      bank,
      owner,
      lawyer,
    ]);

    it('does not read whom someone wants to meet as their own need', () => {
      const all = computeSuggestions(input, { top: 10 }).suggestions;
      for (const [id, list] of Object.entries(all)) {
        for (const s of list) {
          const reasons = s.reasons.join('\n');
          // Nobody here needs 事業承継 or 資金調達 but the owner.
          if (id !== 'owner') expect(reasons).not.toMatch(/御社の『(事業承継|資金調達)』のニーズ/);
          const name = input.participants.find((p) => p.id === s.id)?.companyName ?? '';
          if (s.id !== 'owner')
            expect(reasons).not.toMatch(new RegExp(`${name}の『(事業承継|資金調達)』のニーズ`));
        }
      }
    });

    it('tells the owner what the bank wrote, in its words', () => {
      const toBank = listFor(input, 'owner').find((s) => s.id === 'bank');
      expect(toBank?.reasons[0]).toBe(
        '御社の『事業承継』のニーズについて、城東信用金庫は「資金需要や承継の悩みを抱える事業者と早めにつながりたい」と書かれています',
      );
      expect(listFor(input, 'bank').find((s) => s.id === 'owner')?.reasons[0]).toBe(
        '山田製作所の『事業承継』のニーズは、御社が「資金需要や承継の悩みを抱える事業者と早めにつながりたい」と書かれた相手に当たります',
      );
    });

    it('does not call two with the same offer complementary, nor put them first', () => {
      const list = listFor(input, 'fukuda');
      expect(list[0].id).not.toBe('kikusui');
      const peer = list.find((s) => s.id === 'kikusui');
      expect(peer?.reasons ?? []).not.toContain('相互に補完できる関係です');
      const same = event([
        { ...consultant('a', '福田経営事務所'), needsText: '事業承継の案件を一緒に進める仲間がほしい' },
        { ...consultant('b', '菊水経営研究所'), needsText: '事業承継の案件を一緒に進める仲間がほしい' },
        owner,
      ]);
      const sameList = listFor(same, 'a');
      expect(sameList[0].id).toBe('owner');
      const other = sameList.find((s) => s.id === 'b');
      expect(other?.reasons).not.toContain('相互に補完できる関係です');
      expect(other?.reasons[0]).toBe(
        '菊水経営研究所も御社と同じく『事業承継』を手がけています（同業の方です）',
      );
    });
  });

  describe('weak text matches', () => {
    // Three offers speak of 工場: a word that common in the room says nothing about a fit.
    const participants: MatchParticipant[] = [
      {
        id: 'shop',
        companyName: '雑貨ミモザ',
        industry: 'I',
        needsText: '都内の町工場や職人とオリジナル商品を作りたい',
        offers: ['雑貨販売'],
      },
      {
        id: 'painter',
        companyName: '株式会社協進塗装',
        industry: 'D',
        offersText: '工場・倉庫の外壁と屋根の塗装、工場の床塗装',
      },
      {
        id: 'press',
        companyName: '墨田プレス',
        industry: 'E',
        offersText: '町工場の技術で小ロットのオリジナル製品を作ります',
      },
      { id: 'lathe', companyName: '山田製作所', industry: 'E', offersText: '精密切削加工。工場は葛飾区' },
      { id: 'cafe', companyName: 'カフェ葛飾', industry: 'M', offersText: '自家焙煎のコーヒー豆' },
    ];

    it('makes no suggestion on a single generic word, and never gives it as a reason', () => {
      const list = listFor(event(participants), 'shop');
      expect(list.map((s) => s.id)).toEqual(['press']);
      expect(list.flatMap((s) => s.reasons).join()).not.toContain('『工場』');
      expect(idsFor(event(participants), 'painter')).toEqual([]);
    });

    it('does not give a general word such as 加工 as what two texts have in common', () => {
      const glass: MatchParticipant = {
        id: 'glass',
        companyName: '株式会社弥生硝子',
        industry: 'E',
        offersText: '江戸切子などのガラス製品の加工・名入れ。記念品の小ロット制作に対応します。',
      };
      for (const needsText of [
        '部品の仕上げ加工を依頼したい',
        '高精度な部品加工に対応できる協力会社を探しています',
      ]) {
        const importer: MatchParticipant = { id: 'importer', locale: 'en', industry: 'I', needsText };
        const reasons = listFor(event([importer, glass]), 'importer').flatMap((s) => s.reasons);
        expect(reasons.join()).not.toContain("mention '加工");
      }
    });
  });

  describe('cross-industry bonus', () => {
    const participants: MatchParticipant[] = [
      maker,
      { id: 'same-industry', industry: 'E', offers: ['販路開拓'] },
      { id: 'other-industry', industry: 'G', offers: ['販路開拓'] },
    ];

    it('puts the other industry first and says so', () => {
      const list = listFor(event(participants), 'maker');
      expect(list.map((s) => s.id)).toEqual(['other-industry', 'same-industry']);
      expect(list[0].reasons).toContain('異業種（製造業 × 情報通信業）の交流です');
      expect(list[1].reasons.join()).not.toContain('異業種');
    });

    it('can be switched off in settings', () => {
      const list = listFor(event(participants, { crossIndustryBonus: 0 }), 'maker');
      expect(list[0].score).toBe(list[1].score);
      expect(list.flatMap((s) => s.reasons).join()).not.toContain('異業種');
    });
  });

  describe('who may be suggested', () => {
    it('excludes pairs who met before, in both directions, unless settings allow them', () => {
      const participants: MatchParticipant[] = [
        { ...maker, metBefore: ['seller'] },
        { id: 'seller', offers: ['販路開拓'] },
      ];
      expect(idsFor(event(participants), 'maker')).toEqual([]);
      expect(idsFor(event(participants), 'seller')).toEqual([]);
      expect(idsFor(event(participants, { excludeMetBefore: false }), 'seller')).toEqual(['maker']);
    });

    it('suggests sellers to buyers and buyers to sellers only', () => {
      const input = event([
        { id: 'buyer', role: 'BUYER', needs: ['金属加工'], offers: ['販路開拓'] },
        { id: 'seller', role: 'SELLER', offers: ['金属加工'] },
        { id: 'other-buyer', role: 'BUYER', needs: ['金属加工'] },
        { id: 'visitor', role: 'VISITOR', offers: ['金属加工'] },
      ]);
      expect(idsFor(input, 'buyer')).toEqual(['seller']);
      expect(idsFor(input, 'seller').sort()).toEqual(['buyer', 'other-buyer']);
      expect(idsFor(input, 'visitor')).toEqual([]);
      expect(idsFor({ ...input, settings: { roleRules: false } }, 'buyer').sort()).toEqual([
        'seller',
        'visitor',
      ]);
    });

    it('keeps exhibitors apart unless the event allows exhibitor pairs', () => {
      const participants: MatchParticipant[] = [
        { id: 'booth-1', role: 'EXHIBITOR', needs: ['金属加工'] },
        { id: 'booth-2', role: 'EXHIBITOR', offers: ['金属加工'] },
        { id: 'visitor', role: 'VISITOR', offers: ['金属加工'] },
      ];
      expect(idsFor(event(participants), 'booth-1')).toEqual(['visitor']);
      expect(idsFor(event(participants, { allowExhibitorPairs: true }), 'booth-1')).toEqual([
        'booth-2',
        'visitor',
      ]);
    });

    it('pairs everyone with an exhibitor where every 商談枠 is at a booth', () => {
      const participants: MatchParticipant[] = [
        { id: 'booth-1', role: 'EXHIBITOR', offers: ['金属加工'] },
        { id: 'visitor-1', role: 'VISITOR', needs: ['金属加工', '販路開拓'] },
        { id: 'visitor-2', role: 'VISITOR', offers: ['販路開拓'], needs: ['金属加工'] },
      ];
      expect(idsFor(event(participants), 'visitor-1')).toEqual(['visitor-2', 'booth-1']);
      const boothsOnly = event(participants, { exhibitorOnOneSide: true });
      expect(idsFor(boothsOnly, 'visitor-1')).toEqual(['booth-1']);
      expect(idsFor(boothsOnly, 'booth-1').sort()).toEqual(['visitor-1', 'visitor-2']);
    });

    it('neither suggests nor serves participants without matchmaking opt-in', () => {
      const input = event([
        maker,
        { id: 'private', optIn: false, offers: ['販路開拓'], needs: ['金属加工'] },
      ]);
      const output = computeSuggestions(input);
      expect(output.suggestions.maker).toEqual([]);
      expect(output.suggestions).not.toHaveProperty('private');
    });

    it('never brings back a dismissed suggestion, for the one who dismissed it', () => {
      const input = event([
        { ...maker, dismissed: ['seller'] },
        { id: 'seller', offers: ['販路開拓'] },
      ]);
      expect(idsFor(input, 'maker')).toEqual([]);
      expect(idsFor(input, 'seller')).toEqual(['maker']);
    });

    it('suggests at most one person per company, never yourself or a colleague', () => {
      const input = event([
        { ...maker, company: 'c1' },
        { id: 'colleague', company: 'c1', offers: ['販路開拓'] },
        { id: 'acme-1', company: 'acme', offers: ['販路開拓'], needs: ['金属加工'] },
        { id: 'acme-2', company: 'acme', offers: ['販路開拓'] },
        { id: 'solo', offers: ['販路開拓'] },
      ]);
      expect(idsFor(input, 'maker')).toEqual(['acme-1', 'solo']);
    });

    it('honours top', () => {
      const others = Array.from({ length: 8 }, (_, i) => ({ id: `s${i}`, offers: ['販路開拓'] }));
      expect(idsFor(event([maker, ...others]), 'maker', 3)).toHaveLength(3);
    });
  });

  describe('reasons', () => {
    it('speaks Japanese by default, naming both sides’ words, strongest fit first', () => {
      const input = event([
        { ...maker, themes: ['事業承継'] },
        {
          id: 'web',
          industry: 'G',
          companyName: 'ウェブ工房',
          offers: ['EC構築支援'],
          needs: ['金属加工'],
          themes: ['事業承継'],
        },
      ]);
      const [suggestion] = listFor(input, 'maker');
      expect(suggestion.reasons).toHaveLength(3);
      // The exact tag match (金属加工) is stronger evidence than EC構築支援 answering 販路開拓.
      expect(suggestion.reasons).toEqual([
        'ウェブ工房の『金属加工』のニーズに、御社の『金属加工』が応えられます',
        '御社の『販路開拓』のニーズに、ウェブ工房の『EC構築支援』が合います',
        '相互に補完できる関係です',
      ]);
    });

    it('speaks English to a participant whose locale is en', () => {
      const input = event([
        { ...maker, locale: 'en' },
        { id: 'web', industry: 'G', companyName: 'Web Kobo', offers: ['EC構築支援'], themes: ['DX'] },
      ]);
      const [suggestion] = listFor(input, 'maker');
      expect(suggestion.reasons).toEqual([
        "Your need for '販路開拓' (new sales channels) matches what Web Kobo offers: 'EC構築支援' (online shop)",
        'Cross-industry exchange (manufacturing × information and communications)',
      ]);
    });

    it('says once what a tag both sides wrote means, for an English reader', () => {
      const input = event([
        { ...maker, locale: 'en', needs: ['販路開拓'] },
        { id: 'trader', industry: 'I', companyName: '鈴木商事', offers: ['販路開拓'] },
      ]);
      const [suggestion] = listFor(input, 'maker');
      expect(suggestion.reasons[0]).toBe(
        "Your need for '販路開拓' (new sales channels) is what 鈴木商事 offers",
      );
    });

    it('gives every suggestion one to three reasons', () => {
      const input = event([
        { ...maker, themes: ['DX', '事業承継'] },
        { id: 'a', industry: 'G', offers: ['販路開拓'], needs: ['金属加工'], themes: ['DX'] },
        { id: 'b', themes: ['事業承継'] },
        { id: 'c', needsText: 'ステンレスの金属加工をお願いしたい' },
      ]);
      for (const list of Object.values(computeSuggestions(input).suggestions)) {
        for (const s of list) {
          expect(s.reasons.length).toBeGreaterThanOrEqual(1);
          expect(s.reasons.length).toBeLessThanOrEqual(3);
        }
      }
    });
  });

  it('is deterministic and reports progress', () => {
    const participants: MatchParticipant[] = Array.from({ length: 40 }, (_, i) => ({
      id: `p${i}`,
      industry: 'DEG'[i % 3],
      company: `c${i % 17}`,
      needs: [['販路開拓', '資金調達', '人材採用'][i % 3]],
      offers: [['販路開拓', '資金調達', '人材採用'][(i + 1) % 3]],
      needsText: i % 2 ? 'ホームページを作りたい' : '',
      offersText: i % 5 ? '' : 'ホームページ制作を承ります',
    }));
    const progress: Array<[number, number]> = [];
    const first = computeSuggestions(event(participants), {
      onProgress: (done, total) => progress.push([done, total]),
    });
    const second = computeSuggestions(event(participants.map((p) => ({ ...p }))));
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(progress[progress.length - 1]).toEqual([40, 40]);
  });

  it('rejects malformed input with a message naming the field', () => {
    expect(() => computeSuggestions(event([{ id: 'a' }, { id: 'a' }]))).toThrow(
      'participants[1].id "a" is duplicated',
    );
    expect(() => computeSuggestions({ participants: [{ needs: '販路' }] } as unknown as MatchInput)).toThrow(
      'participants[0].id is missing',
    );
  });
});
