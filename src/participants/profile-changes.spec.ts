import { ParticipantKind } from './participant-kind';
import { profileDiff } from './profile-changes';

describe('profileDiff', () => {
  const stored = {
    companyId: 'c1',
    company: { name: '小林製作所' },
    name: '小林 髙志',
    title: null,
    needs: ['販路開拓'],
    kind: ParticipantKind.OTHER,
  };

  it('lists each given field that differs, with its value before and after', () => {
    expect(
      profileDiff(stored, { name: '小林 髙志', title: '専務', needs: ['販路開拓', '事業承継'] }),
    ).toEqual({
      title: { before: null, after: '専務' },
      needs: { before: ['販路開拓'], after: ['販路開拓', '事業承継'] },
    });
  });

  it('names the company by name when the write moves the person to another one, or detaches them', () => {
    expect(profileDiff(stored, {}, { id: 'c2', name: '小林精密' })).toEqual({
      company: { before: '小林製作所', after: '小林精密' },
    });
    expect(profileDiff(stored, {}, { id: null, name: null })).toEqual({
      company: { before: '小林製作所', after: null },
    });
    expect(profileDiff(stored, {}, { id: 'c1', name: '小林製作所' })).toBeNull();
    // The same company, with details the write changed.
    const fields = { 'company.employees': { before: null, after: 30 } };
    expect(profileDiff(stored, {}, { id: 'c1', name: '小林製作所', fields })).toEqual(fields);
  });

  it('is null when nothing differs; the email is the key, not a change, and a field not given is left alone', () => {
    expect(
      profileDiff(stored, { email: 'new@example.jp', name: '小林 髙志', needs: ['販路開拓'] }),
    ).toBeNull();
    expect(profileDiff(stored, { title: undefined })).toBeNull();
  });
});
