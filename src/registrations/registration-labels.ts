import { RegistrationStatus } from './registration-enums';

export const REGISTRATION_STATUS_LABEL: Record<RegistrationStatus, string> = {
  INVITED: '招待中',
  REGISTERED: '参加登録済',
  WAITLISTED: 'キャンセル待ち',
  DECLINED: '辞退',
  CANCELLED: 'キャンセル',
  ATTENDED: '出席',
  NO_SHOW: '欠席',
};
