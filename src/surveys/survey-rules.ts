import { DAY_MS, startOfTokyoDay } from '../common/japan/tokyo-day';
import { RegistrationStatus } from '../registrations/registration-enums';

/** How long after the event the survey link works. */
export const SURVEY_LINK_DAYS = 30;

/**
 * When the answer link of an event's survey stops working: at the end (midnight, Tokyo) of the day
 * SURVEY_LINK_DAYS after the event ends. The email names that day as 回答期限, and a reader takes a
 * day to last until its end, not until the hour the event happened to end.
 */
export function surveyLinkExpiresAt(eventEndsAt: Date): Date {
  return new Date(
    startOfTokyoDay(new Date(eventEndsAt.getTime() + SURVEY_LINK_DAYS * DAY_MS)).getTime() + DAY_MS,
  );
}

/**
 * Who gets the survey: those checked in (出席). An event that did not use check-in has none, so
 * then everyone still registered at the end is asked.
 */
export function surveyedStatuses(checkedIn: number): RegistrationStatus[] {
  return checkedIn > 0
    ? [RegistrationStatus.ATTENDED]
    : [RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED];
}

/**
 * Statuses that may answer: a registration that took part (参加登録済, 出席), as the 年度 report
 * counts 参加者. The same statuses decide which answers the figures count (surveyResults and the
 * reports): someone who answered and was then recorded as 欠席 (or cancelled) did not take part,
 * and 施策の指標 ask for the share among those who did (「参加した企業のうち…」). Their answer is
 * kept, and counts again if the record is corrected back to 出席.
 */
export const ANSWERING_STATUSES: readonly RegistrationStatus[] = [
  RegistrationStatus.REGISTERED,
  RegistrationStatus.ATTENDED,
];

/** What the figures count, in the words of the report CSVs' 集計の範囲 row. */
export const SURVEY_FIGURES_BASIS =
  '参加した人（参加登録済・出席）の回答。回答の後で欠席と記録された人・キャンセルした人の回答は数えない';

/**
 * 満足度の平均 to two decimals, rounded half up from the exact sum, as the reports' SQL
 * `round(avg(satisfaction), 2)` gives it: 169 points from 40 answers is 4.225, which is 4.23 in
 * both (dividing first, in floating point, gives 4.2249… and 4.22).
 */
export function satisfactionAverage(total: number, responses: number): number | null {
  return responses > 0 ? Math.round((100 * total) / responses) / 100 : null;
}
