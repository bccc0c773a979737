import { REGISTRATION_TRANSITIONS, RegistrationStatus } from './registration-enums';

describe('registration status table', () => {
  const S = RegistrationStatus;

  it('lets an invitee accept, be waitlisted or decline', () => {
    expect(REGISTRATION_TRANSITIONS.can(S.INVITED, S.REGISTERED)).toBe(true);
    expect(REGISTRATION_TRANSITIONS.can(S.INVITED, S.WAITLISTED)).toBe(true);
    expect(REGISTRATION_TRANSITIONS.can(S.INVITED, S.DECLINED)).toBe(true);
  });

  it('promotes the waitlist and lets cancelled people come back', () => {
    expect(REGISTRATION_TRANSITIONS.can(S.WAITLISTED, S.REGISTERED)).toBe(true);
    expect(REGISTRATION_TRANSITIONS.can(S.CANCELLED, S.REGISTERED)).toBe(true);
  });

  it('invites again only those who cancelled or declined', () => {
    expect(REGISTRATION_TRANSITIONS.sourcesOf(S.INVITED).sort()).toEqual([S.CANCELLED, S.DECLINED].sort());
  });

  it('checks in only registered people, and attendance is final', () => {
    expect(REGISTRATION_TRANSITIONS.sourcesOf(S.ATTENDED).sort()).toEqual([S.NO_SHOW, S.REGISTERED].sort());
    expect(REGISTRATION_TRANSITIONS.can(S.ATTENDED, S.CANCELLED)).toBe(false);
  });
});
