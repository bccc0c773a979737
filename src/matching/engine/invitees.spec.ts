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

  it('explains each recommendation', () => {
    const [first] = recommendInvitees({ themes: ['事業承継'], registered, pool, limit: 1 });
    expect(first.reasons).toEqual([
      'イベントのテーマ『事業承継』に関心があります',
      '登録済みの参加者2名（葛飾精工など）と補完し合えます',
      '参加者にまだいない業種（学術研究，専門・技術サービス業）です',
    ]);
    const [english] = recommendInvitees({ themes: ['事業承継'], registered, pool, limit: 1, locale: 'en' });
    expect(english.reasons[0]).toBe("Interested in the event theme '事業承継'");
  });
});
