import { NotFoundError } from '../common/errors/app-error';

export enum SchedulingErrorCode {
  RUN_NOT_FOUND = 'SCHEDULING_RUN_NOT_FOUND',
}

export const SchedulingErrors = {
  runNotFound: (id: string) =>
    new NotFoundError(SchedulingErrorCode.RUN_NOT_FOUND, `自動配置の実行が見つかりません: ${id}`),
};
