import { CalendarDate, IsCalendarDate } from '../../common/time/calendar-date';

/** `?before=2026-12-02` of follow-ups.csv: open follow-ups due before that day (not on it). */
export class FollowUpsDueQuery {
  @IsCalendarDate()
  before: CalendarDate;
}
