import { NotFoundError } from '../common/errors/app-error';

export enum ParticipantErrorCode {
  NOT_FOUND = 'PARTICIPANT_NOT_FOUND',
}

export const ParticipantErrors = {
  notFound: (id: string) =>
    new NotFoundError(ParticipantErrorCode.NOT_FOUND, `参加者が見つかりません: ${id}`),
};
