import { ConflictError, NotFoundError } from '../common/errors/app-error';

export enum SchedulingErrorCode {
  RUN_NOT_FOUND = 'SCHEDULING_RUN_NOT_FOUND',
  NO_SESSIONS = 'SCHEDULING_NO_SESSIONS',
  SESSIONS_OVER = 'SCHEDULING_SESSIONS_OVER',
  BOOTH_DOUBLE_BOOKED = 'SCHEDULING_BOOTH_DOUBLE_BOOKED',
}

export const SchedulingErrors = {
  runNotFound: (id: string) =>
    new NotFoundError(
      SchedulingErrorCode.RUN_NOT_FOUND,
      `自動配置の実行が見つかりません: ${id}`,
      undefined,
      id,
    ),
  noSessions: () =>
    new ConflictError(
      SchedulingErrorCode.NO_SESSIONS,
      'このイベントには商談枠がありません。面談の時間帯とテーブル数を商談枠として追加してから、自動配置してください',
      'eventId',
    ),
  sessionsOver: (lastSlot: string) =>
    new ConflictError(
      SchedulingErrorCode.SESSIONS_OVER,
      `商談枠の最後の時間枠（${lastSlot} 開始）がすでに始まっているため、配置できる時間枠がありません`,
      'eventId',
    ),
  /**
   * Published meetings at one booth at one time: the run keeps published meetings where they are,
   * so it cannot go on until staff move one. `meetings` as staff name them, with the meeting's id
   * that moveMeeting takes; `slot` the time and the floor sheet's 枠番号.
   */
  boothDoubleBooked: (booth: string, slot: string, meetings: string[], elsewhere: number) =>
    new ConflictError(
      SchedulingErrorCode.BOOTH_DOUBLE_BOOKED,
      `ブース ${booth} の ${slot}に、公開済みの面談が${meetings.length}件重なっています: ` +
        `${meetings.join('／')}。` +
        (elsewhere > 0 ? `ほかに${elsewhere}か所でも、公開済みの面談がブースで重なっています。` : '') +
        '公開済みの面談は自動配置では動かさないため、配置を中止しました（面談は何も変更していません）。' +
        'どちらか一方を moveMeeting で空いている時間枠に移すか取り消してから、もう一度自動配置してください',
      'eventId',
    ),
};
