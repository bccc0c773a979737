/** Outbox template names of the meeting emails (each has a MailComposer in this folder). */
export const MeetingMailTemplate = {
  /** To the recipient of a request: accept / decline links (or "confirmed" under AUTO_ACCEPT). */
  REQUEST: 'meeting-request',
  /** To the requester: accepted (with contact details) or declined. */
  OUTCOME: 'meeting-request-outcome',
  /** A participant's agenda at an event with an iCalendar REQUEST attachment. */
  AGENDA: 'meeting-agenda',
  /** One meeting called off, with an iCalendar CANCEL attachment. */
  CANCELLED: 'meeting-cancelled',
  /** The whole event called off (開催中止), with an iCalendar CANCEL of the person's meetings. */
  EVENT_CANCELLED: 'event-cancelled',
} as const;
