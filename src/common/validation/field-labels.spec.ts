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

  it('names an item of a list by its number', () => {
    expect(fieldSubject('offers.1')).toBe('提供できることの2件目');
    expect(fieldSubject('offers.1', 'en')).toBe('What you offer (item 2)');
  });

  it('names a field by the input type that has it, where its name means something else elsewhere', () => {
    expect(fieldSubject('title', 'ja', 'ProfileInput')).toBe('役職');
    expect(fieldSubject('title', 'en', 'UpsertParticipantInput')).toBe('Job title');
    expect(fieldSubject('title', 'ja', 'CreateEventInput')).toBe('タイトル');
    expect(fieldSubject('kind', 'ja', 'ProfileInput')).toBe('参加者区分');
  });

  it('names in English the fields a participant fills in or names', () => {
    expect(fieldSubject('email', 'en')).toBe('Email address');
    expect(fieldSubject('toParticipantId', 'en')).toBe('ID of the person to meet');
    expect(fieldSubject('consentEmail', 'en')).toBe('Consent to announcement emails');
  });

  it('names a field it has no word for as written, ready for a particle', () => {
    expect(fieldSubject('includeDismissed')).toBe('includeDismissed ');
    expect(fieldSubject('rows.1.unknownField')).toBe('rows.1.unknownField ');
  });
});
