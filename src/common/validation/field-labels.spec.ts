import { fieldSubject } from './field-labels';

describe('fieldSubject', () => {
  it('names a field as staff call it, by its whole path first', () => {
    expect(fieldSubject('endsAt')).toBe('終了日時');
    expect(fieldSubject('company.name')).toBe('事業者名');
    expect(fieldSubject('company.municipality')).toBe('所在地');
  });

  it('names an item of a list by its place in the list', () => {
    expect(fieldSubject('targets.0.target')).toBe('目標の1件目の目標値');
    expect(fieldSubject('targets.1.metric')).toBe('目標の2件目の指標');
  });

  it('names a field it has no word for as written, ready for a particle', () => {
    expect(fieldSubject('includeDismissed')).toBe('includeDismissed ');
    expect(fieldSubject('rows.1.unknownField')).toBe('rows.1.unknownField ');
  });
});
