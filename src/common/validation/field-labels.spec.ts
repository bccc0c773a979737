import { fieldSubject } from './field-labels';

describe('fieldSubject', () => {
  it('names a field as staff call it, by its whole path first', () => {
    expect(fieldSubject('endsAt')).toBe('終了日時');
    expect(fieldSubject('company.name')).toBe('事業者名');
    expect(fieldSubject('company.municipality')).toBe('所在地');
  });

  it('names a field it has no word for, or an item of a list, as written, ready for a particle', () => {
    expect(fieldSubject('includeDismissed')).toBe('includeDismissed ');
    expect(fieldSubject('targets.1.metric')).toBe('targets.1.metric ');
  });
});
