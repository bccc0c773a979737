import { ConflictError, InputError, NotFoundError } from '../common/errors/app-error';
import {
  MINI_SALON_REQUEST_STATUS_LABEL,
  MINI_SALON_REQUEST_STATUS_LABEL_EN,
  MiniSalonRequestStatus,
} from './mini-salon-enums';

export enum MiniSalonErrorCode {
  NOT_FOUND = 'MINI_SALON_REQUEST_NOT_FOUND',
  ALREADY_OPEN = 'MINI_SALON_REQUEST_ALREADY_OPEN',
  DATES_REVERSED = 'MINI_SALON_REQUEST_DATES_REVERSED',
  DATES_PAST = 'MINI_SALON_REQUEST_DATES_PAST',
  ALREADY_DECIDED = 'MINI_SALON_REQUEST_ALREADY_DECIDED',
  STARTS_IN_PAST = 'MINI_SALON_REQUEST_STARTS_IN_PAST',
}

export const MiniSalonErrors = {
  notFound: (id: string) =>
    new NotFoundError(
      MiniSalonErrorCode.NOT_FOUND,
      `ミニサロンの開催要望が見つかりません: ${id}`,
      undefined,
      id,
    ).withEnglish(`Mini-salon request not found: ${id}`),
  alreadyOpen: () =>
    new ConflictError(
      MiniSalonErrorCode.ALREADY_OPEN,
      'この団体への開催要望はすでに検討中です。回答をお待ちいただくか、取り下げてから出し直してください',
      'organizationId',
    ).withEnglish(
      'Your request to this organisation is already being considered. Please wait for their answer, or withdraw it and send a new one.',
    ),
  datesReversed: () =>
    new InputError(
      'preferredTo',
      '希望時期の終わりは始め以降の日付にしてください',
      MiniSalonErrorCode.DATES_REVERSED,
    ).withEnglish('The end of the preferred period must be on or after its start.'),
  datesPast: () =>
    new InputError(
      'preferredFrom',
      '希望時期は今日以降の日付にしてください',
      MiniSalonErrorCode.DATES_PAST,
    ).withEnglish('The preferred period must start today or later.'),
  startsInPast: () =>
    new InputError(
      'startsAt',
      '開催決定のミニサロンは、これから先の日時で開いてください（要望者にご招待をお送りします）',
      MiniSalonErrorCode.STARTS_IN_PAST,
    ),
  alreadyDecided: (status: MiniSalonRequestStatus) =>
    new ConflictError(
      MiniSalonErrorCode.ALREADY_DECIDED,
      `この開催要望はすでに「${MINI_SALON_REQUEST_STATUS_LABEL[status]}」です`,
      'id',
    ).withEnglish(`This request is already ${MINI_SALON_REQUEST_STATUS_LABEL_EN[status]}.`),
};
