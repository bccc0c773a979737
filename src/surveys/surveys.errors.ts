import { ConflictError } from '../common/errors/app-error';
import { formatTokyoDateTime, tokyoDate } from '../common/time/tokyo-time';
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
      '中止・下書きのイベントにはアンケートを送れません',
      'eventId',
    ),
  /**
   * Closed (closeEvent ends check-in, and may come before the last hour) or not, the survey thanks
   * people for having come: it waits for the event's end. The time alone on the day, with the date
   * for an event ending on another day.
   */
  eventNotEnded: (endsAt: Date, now = new Date()) => {
    const [day, time] = formatTokyoDateTime(endsAt).split(' ');
    const [, month, date] = day.split('-').map(Number);
    const when = tokyoDate(now) === day ? time : `${month}月${date}日 ${time}`;
    return new ConflictError(
      SurveyErrorCode.EVENT_NOT_OVER,
      `アンケートはイベントの終了（${when}）後に送れます`,
      'eventId',
    );
  },
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
