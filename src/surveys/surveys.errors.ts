import { ConflictError } from '../common/errors/app-error';
import { SURVEY_LINK_DAYS } from './survey-rules';

export enum SurveyErrorCode {
  EVENT_NOT_OVER = 'SURVEY_EVENT_NOT_OVER',
  NOT_A_PARTICIPANT = 'SURVEY_NOT_A_PARTICIPANT',
  WINDOW_CLOSED = 'SURVEY_WINDOW_CLOSED',
}

export const SurveyErrors = {
  eventNotOver: () =>
    new ConflictError(
      SurveyErrorCode.EVENT_NOT_OVER,
      'アンケートはイベントの終了後に送ってください（中止・下書きのイベントには送れません）',
      'eventId',
    ),
  windowClosed: (lastDay: string) =>
    new ConflictError(
      SurveyErrorCode.WINDOW_CLOSED,
      `アンケートの回答期間（イベント終了から${SURVEY_LINK_DAYS}日間、${lastDay}まで）が過ぎているため送れません`,
      'eventId',
    ),
  notAParticipant: () =>
    new ConflictError(
      SurveyErrorCode.NOT_A_PARTICIPANT,
      'このイベントに参加した方だけがアンケートに回答できます',
      'token',
    ).withEnglish('Only those who took part in this event can answer its survey.'),
};
