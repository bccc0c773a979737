import { registerEnumType } from '@nestjs/graphql';
import { TransitionTable } from '../common/state/transition-table';

export enum RegistrationStatus {
  INVITED = 'INVITED',
  REGISTERED = 'REGISTERED',
  WAITLISTED = 'WAITLISTED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
  ATTENDED = 'ATTENDED',
  NO_SHOW = 'NO_SHOW',
}
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: '招待中・参加登録済・キャンセル待ち・辞退・キャンセル・出席・欠席',
});

export enum EventRole {
  VISITOR = 'VISITOR',
  EXHIBITOR = 'EXHIBITOR',
  BUYER = 'BUYER',
  SELLER = 'SELLER',
  SPEAKER = 'SPEAKER',
}
registerEnumType(EventRole, {
  name: 'EventRole',
  description: '来場者・出展者・バイヤー・サプライヤー・登壇者',
});

/**
 * Statuses of someone with a seat who was not recorded absent: who is expected at the event or came,
 * and so is matched, scheduled and met there. Not what the capacity counts: see below.
 */
export const SEATED: RegistrationStatus[] = [RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED];

/**
 * Statuses counted against the capacity: every registration that took a seat, 欠席 included (as
 * the 参加登録数 of the reports counts it). 出席 and 欠席 are recorded from the event's day and
 * may be corrected either way afterwards; were 欠席 to free a seat, recording it on the first day
 * of a fair would give that seat to whoever registered next, and correcting it back to 出席 would
 * leave the event over capacity. So marking attendance never changes who gets a seat.
 */
export const COUNTED_AGAINST_CAPACITY: RegistrationStatus[] = [...SEATED, RegistrationStatus.NO_SHOW];

/**
 * The registration lifecycle. A seat request from INVITED, DECLINED or CANCELLED ends in
 * REGISTERED or WAITLISTED depending on capacity; NO_SHOW may be corrected to ATTENDED. Staff may
 * invite again someone who declined or cancelled (or whose seat they cancelled): INVITED again.
 */
export const REGISTRATION_TRANSITIONS = new TransitionTable<RegistrationStatus>({
  INVITED: [
    RegistrationStatus.REGISTERED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.DECLINED,
    RegistrationStatus.CANCELLED,
  ],
  REGISTERED: [RegistrationStatus.CANCELLED, RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW],
  WAITLISTED: [RegistrationStatus.REGISTERED, RegistrationStatus.CANCELLED],
  DECLINED: [RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED, RegistrationStatus.INVITED],
  CANCELLED: [RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED, RegistrationStatus.INVITED],
  // 出席 ⇄ 欠席: the list is put right after the day (a forgotten or a mistaken check-in).
  ATTENDED: [RegistrationStatus.NO_SHOW],
  NO_SHOW: [RegistrationStatus.ATTENDED],
});
