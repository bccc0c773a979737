import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  ADMIN = 'ADMIN',
  ORGANIZER = 'ORGANIZER',
  STAFF = 'STAFF',
  PARTICIPANT = 'PARTICIPANT',
}
registerEnumType(Role, { name: 'Role', description: '操作する人の役割' });

/** The roles as staff call them (参加者: the participant, acting for themself). */
export const ROLE_LABEL: Record<Role, string> = {
  [Role.ADMIN]: '管理者',
  [Role.ORGANIZER]: '主催者',
  [Role.STAFF]: '支援担当',
  [Role.PARTICIPANT]: '参加者ご本人',
};

export type StaffRole = Role.ADMIN | Role.ORGANIZER | Role.STAFF;

/** Every staff role: 管理者・主催者・支援担当. */
export const STAFF_ROLES: readonly StaffRole[] = [Role.ADMIN, Role.ORGANIZER, Role.STAFF];

/** Who is making a request: a staff account of an organisation, or a participant signed in by magic link. */
export type Actor =
  | { kind: 'user'; userId: string; role: StaffRole; organizationId: string | null }
  | {
      kind: 'participant';
      participantId: string;
      role: Role.PARTICIPANT;
      /** Their language, for the API's error messages (English where the error has it). */
      locale?: 'ja' | 'en';
    };

export type StaffActor = Extract<Actor, { kind: 'user' }>;
export type ParticipantActor = Extract<Actor, { kind: 'participant' }>;

export function isStaff(actor: Actor | undefined): actor is StaffActor {
  return actor?.kind === 'user';
}

/**
 * The language the actor reads what the API writes for people (labels, names of things): a
 * participant's own locale, Japanese for staff.
 */
export function readerLocale(actor: Actor | undefined): 'ja' | 'en' {
  return actor?.kind === 'participant' && actor.locale === 'en' ? 'en' : 'ja';
}
