import { ConflictError, NotFoundError } from '../common/errors/app-error';

export enum SchedulingErrorCode {
  RUN_NOT_FOUND = 'SCHEDULING_RUN_NOT_FOUND',
  NO_SESSIONS = 'SCHEDULING_NO_SESSIONS',
  SESSIONS_OVER = 'SCHEDULING_SESSIONS_OVER',
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
};
