import { ConflictError, NotFoundError } from '../common/errors/app-error';
import type { MovedAway } from './moved-addresses';

export enum ParticipantErrorCode {
  NOT_FOUND = 'PARTICIPANT_NOT_FOUND',
  EMAIL_TAKEN = 'PARTICIPANT_EMAIL_TAKEN',
  EMAIL_MOVED_AWAY = 'PARTICIPANT_EMAIL_MOVED_AWAY',
  ERASED = 'PARTICIPANT_ERASED',
}

export const ParticipantErrors = {
  notFound: (id: string, field?: string) =>
    new NotFoundError(ParticipantErrorCode.NOT_FOUND, `参加者が見つかりません: ${id}`, field, id).withEnglish(
      `Participant not found: ${id}`,
    ),
  emailTaken: (email: string) =>
    new ConflictError(
      ParticipantErrorCode.EMAIL_TAKEN,
      `${email} は別の参加者のメールアドレスとして登録されています`,
      'email',
    ),
  emailMovedAway: (email: string, moved: MovedAway) =>
    new ConflictError(ParticipantErrorCode.EMAIL_MOVED_AWAY, movedAwayMessage(email, moved), 'email'),
  /**
   * A write the person began in their own session while an admin erased them (a profile edit, an
   * address change, a meeting or mini-salon request): it waited for the erasure and finds the
   * profile anonymised. Their session has ended with it (see TokenService).
   */
  erased: () =>
    new ConflictError(
      ParticipantErrorCode.ERASED,
      'このプロフィールの個人情報は削除されたため、変更やお申込はお受けできません',
    ).withEnglish(
      'The personal data of this profile has been erased: it can no longer be changed or used for requests.',
    ),
};

/** Said when a list or a form brings back someone under the address they left. */
export function movedAwayMessage(email: string, moved: MovedAway): string {
  return `${email} は ${moved.name} さんの以前のメールアドレスです（現在は ${moved.currentEmail}）。同じ方なら、今のアドレスで登録してください`;
}
