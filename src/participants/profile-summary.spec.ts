import { glossedTags } from './profile-summary';

describe('glossedTags', () => {
  it('gives the English once for a run of tags that mean the same, and leaves the rest as written', () => {
    expect(glossedTags(['省エネ', '脱炭素', '金属加工', 'IoT', '書道'])).toEqual([
      '省エネ',
      '脱炭素 (energy saving and decarbonisation)',
      '金属加工 (metalworking)',
      'IoT',
      '書道',
    ]);
  });
});
