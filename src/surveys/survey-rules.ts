import { RegistrationStatus } from '../registrations/registration-enums';

/** How long after the event the survey link works. */
export const SURVEY_LINK_DAYS = 30;

/** When the answer link of an event's survey stops working (SURVEY_LINK_DAYS after it ends). */
export function surveyLinkExpiresAt(eventEndsAt: Date): Date {
  return new Date(eventEndsAt.getTime() + SURVEY_LINK_DAYS * 86_400_000);
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
