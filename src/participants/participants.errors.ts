import { ConflictError, NotFoundError } from '../common/errors/app-error';

export enum ParticipantErrorCode {
  NOT_FOUND = 'PARTICIPANT_NOT_FOUND',
  EMAIL_TAKEN = 'PARTICIPANT_EMAIL_TAKEN',
}

export const ParticipantErrors = {
  notFound: (id: string, field?: string) =>
    new NotFoundError(ParticipantErrorCode.NOT_FOUND, `参加者が見つかりません: ${id}`, field),
  emailTaken: (email: string) =>
    new ConflictError(
      ParticipantErrorCode.EMAIL_TAKEN,
      `${email} は別の参加者のメールアドレスとして登録されています`,
      'email',
    ),
};
