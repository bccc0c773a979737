import { Organization } from './organization.entity';

/**
 * The description of `organizerAddressMissing`, on each result of a staff action that queues
 * promotional mail. 特定電子メール法 asks the sender of such mail for its postal address; the
 * footer shows the organiser's when it has one, and only an admin can give it one.
 */
export const ORGANIZER_ADDRESS_MISSING_DESCRIPTION =
  '主催団体の住所が未登録のため、このメールのフッターに住所が入らない（特定電子メール法は広告・宣伝のメールに送信者の住所の表示を求めている）。' +
  '管理者が updateOrganizationContact で登録すると、以後に送るメールに入る';

/** Whether the organiser's emails go out without the postal address their footer should show. */
export function organizerAddressMissing(organizer: Pick<Organization, 'address'>): boolean {
  return !organizer.address?.trim();
}
