import { registerEnumType } from '@nestjs/graphql';
import { Role, ROLE_LABEL, StaffActor, StaffRole } from '../auth/actor';

/** How the list of staff accounts is ordered. */
export enum StaffUserOrder {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(StaffUserOrder, {
  name: 'StaffUserOrder',
  description: 'NAME: 氏名順、CREATED_AT: 登録順（古い順）',
});

export const STAFF_ROLE_LABEL: Record<StaffRole, string> = ROLE_LABEL;

/**
 * Whose accounts a staff member may list: an admin any organisation's (`null`: every account,
 * admins included), organizers and staff their own organisation's only. Answers the organisation
 * to list, `null` for all, or `undefined` when the actor may not see the one asked for.
 */
export function listableOrganization(actor: StaffActor, requested: string | null): string | null | undefined {
  if (actor.role === Role.ADMIN) return requested;
  if (requested !== null && requested !== actor.organizationId) return undefined;
  return actor.organizationId;
}

/**
 * Who may switch an account off or on again: an admin any account; an organizer the staff and
 * organizer accounts of their own organisation (a chamber's 主催者 handles a 経営指導員 who leaves).
 */
export function managesAccount(
  actor: StaffActor,
  account: { role: StaffRole; organizationId: string | null },
): boolean {
  if (actor.role === Role.ADMIN) return true;
  return (
    actor.role === Role.ORGANIZER &&
    account.role !== Role.ADMIN &&
    account.organizationId !== null &&
    account.organizationId === actor.organizationId
  );
}
