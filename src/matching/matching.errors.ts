import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../common/errors/app-error';

export enum MatchingErrorCode {
  RUN_NOT_FOUND = 'MATCHING_RUN_NOT_FOUND',
  SUGGESTION_NOT_FOUND = 'MATCHING_SUGGESTION_NOT_FOUND',
  NOT_YOUR_SUGGESTION = 'MATCHING_NOT_YOUR_SUGGESTION',
  NO_SUCCEEDED_RUN = 'MATCHING_NO_SUCCEEDED_RUN',
  EVENT_NOT_OPEN = 'MATCHING_EVENT_NOT_OPEN',
  RECEIVER_LEFT = 'MATCHING_RECEIVER_LEFT',
  SUGGESTED_LEFT = 'MATCHING_SUGGESTED_LEFT',
}

export const MAX_INVITEE_RECOMMENDATIONS = 200;
export const INVALID_FIRST_MESSAGE = `first は 1〜${MAX_INVITEE_RECOMMENDATIONS} の範囲で指定してください`;

export const MatchingErrors = {
  runNotFound: (id: string) =>
    new NotFoundError(
      MatchingErrorCode.RUN_NOT_FOUND,
      `マッチングの実行が見つかりません: ${id}`,
      undefined,
      id,
    ),
  suggestionNotFound: (id: string) =>
    new NotFoundError(
      MatchingErrorCode.SUGGESTION_NOT_FOUND,
      `おすすめが見つかりません: ${id}`,
      undefined,
      id,
    ).withEnglish(`Suggestion not found: ${id}`),
  notYours: () =>
    new ForbiddenError(
      'ご本人のおすすめのみ表示・操作できます',
      MatchingErrorCode.NOT_YOUR_SUGGESTION,
    ).withEnglish('You can only see and change your own suggestions.'),
  noSucceededRun: () =>
    new ConflictError(
      MatchingErrorCode.NO_SUCCEEDED_RUN,
      'まだマッチングが完了していません。runMatching を実行し、完了してからもう一度お試しください',
      'eventId',
    ),
  eventNotOpen: () =>
    new ConflictError(
      MatchingErrorCode.EVENT_NOT_OPEN,
      'このイベントは終了または中止されたため、マッチングできません',
      'eventId',
    ).withEnglish('This event has ended or was cancelled, so no more meetings can be requested.'),
  /** The digest's reader cancelled their registration since. */
  receiverLeft: () =>
    new ConflictError(
      MatchingErrorCode.RECEIVER_LEFT,
      'このイベントへの参加を取り消されているため、面談はお申込いただけません',
    ).withEnglish('You are no longer registered for this event, so meetings can no longer be requested.'),
  /** The person suggested cancelled their registration since. */
  suggestedLeft: () =>
    new ConflictError(
      MatchingErrorCode.SUGGESTED_LEFT,
      'この方はイベントへの参加を取り消されたため、面談はお申込いただけません',
    ).withEnglish(
      'This person is no longer registered for the event, so a meeting with them cannot be requested.',
    ),
  invalidFirst: () => new InputError('first', INVALID_FIRST_MESSAGE),
};
