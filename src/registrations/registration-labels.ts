import { EventRole, RegistrationStatus } from './registration-enums';

export const REGISTRATION_STATUS_LABEL: Record<RegistrationStatus, string> = {
  INVITED: '招待中',
  REGISTERED: '参加登録済',
  WAITLISTED: 'キャンセル待ち',
  DECLINED: '辞退',
  CANCELLED: 'キャンセル',
  ATTENDED: '出席',
  NO_SHOW: '欠席',
};

/** As the EventRole description lists them: 来場者・出展者・バイヤー・サプライヤー・登壇者. */
export const EVENT_ROLE_LABEL: Record<EventRole, string> = {
  VISITOR: '来場者',
  EXHIBITOR: '出展者',
  BUYER: 'バイヤー',
  SELLER: 'サプライヤー',
  SPEAKER: '登壇者',
};

/** The statuses as an English-speaking participant reads them (myRegistrations). */
export const REGISTRATION_STATUS_LABEL_EN: Record<RegistrationStatus, string> = {
  INVITED: 'Invited',
  REGISTERED: 'Registered',
  WAITLISTED: 'On the waiting list',
  DECLINED: 'Declined',
  CANCELLED: 'Cancelled',
  ATTENDED: 'Attended',
  NO_SHOW: 'Absent',
};
