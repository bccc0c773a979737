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

/** Statuses that may answer: a registration that took part. */
export const ANSWERING_STATUSES: readonly RegistrationStatus[] = [
  RegistrationStatus.REGISTERED,
  RegistrationStatus.ATTENDED,
];
