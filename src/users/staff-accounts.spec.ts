import { Role, StaffActor } from '../auth/actor';
import { listableOrganization, managesAccount } from './staff-accounts';

const OWN = 'c0a80101-0000-4000-8000-000000000001';
const OTHER = 'c0a80101-0000-4000-8000-000000000002';
const actor = (role: StaffActor['role'], organizationId: string | null): StaffActor => ({
  kind: 'user',
  userId: 'c0a80101-0000-4000-8000-0000000000ff',
  role,
  organizationId,
});

describe('whose staff accounts may be listed', () => {
  it('gives an admin any organisation, or every account', () => {
    expect(listableOrganization(actor(Role.ADMIN, null), OTHER)).toBe(OTHER);
    expect(listableOrganization(actor(Role.ADMIN, null), null)).toBeNull();
  });

  it.each([Role.ORGANIZER, Role.STAFF] as const)('keeps a %s to their own organisation', (role) => {
    expect(listableOrganization(actor(role, OWN), null)).toBe(OWN);
    expect(listableOrganization(actor(role, OWN), OWN)).toBe(OWN);
    expect(listableOrganization(actor(role, OWN), OTHER)).toBeUndefined();
  });
});

describe('who may switch an account off or on', () => {
  const account = (role: StaffActor['role'], organizationId: string | null) => ({ role, organizationId });

  it('lets an admin manage any account, admins included', () => {
    expect(managesAccount(actor(Role.ADMIN, null), account(Role.ADMIN, null))).toBe(true);
    expect(managesAccount(actor(Role.ADMIN, null), account(Role.STAFF, OTHER))).toBe(true);
  });

  it("lets an organizer manage their own organisation's staff and organizers only", () => {
    const organizer = actor(Role.ORGANIZER, OWN);
    expect(managesAccount(organizer, account(Role.STAFF, OWN))).toBe(true);
    expect(managesAccount(organizer, account(Role.ORGANIZER, OWN))).toBe(true);
    expect(managesAccount(organizer, account(Role.STAFF, OTHER))).toBe(false);
    expect(managesAccount(organizer, account(Role.ADMIN, null))).toBe(false);
  });

  it('lets staff manage nobody', () => {
    expect(managesAccount(actor(Role.STAFF, OWN), account(Role.STAFF, OWN))).toBe(false);
  });
});
