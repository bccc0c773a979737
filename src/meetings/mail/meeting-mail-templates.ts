/** Outbox template names of the meeting emails (each has a MailComposer in this folder). */
export const MeetingMailTemplate = {
  /** To the recipient of a request: accept / decline links. */
  REQUEST: 'meeting-request',
  /** To the requester: agreed (with contact details if consented), declined or expired. */
  OUTCOME: 'meeting-request-outcome',
  /** To the recipient of a request once it is agreed (accepted, or AUTO_ACCEPT): 面談成立. */
  AGREED: 'meeting-agreed',
  /** A participant's agenda at an event with an iCalendar PUBLISH attachment. */
  AGENDA: 'meeting-agenda',
  /** One meeting called off, with an iCalendar CANCEL attachment. */
  CANCELLED: 'meeting-cancelled',
  /**
   * The other side left the event: an agreed meeting not on a published agenda is off, or a
   * request awaiting their answer cannot go ahead.
   */
  COUNTERPART_LEFT: 'meeting-counterpart-left',
  /** The whole event called off (開催中止), with an iCalendar CANCEL of the person's meetings. */
  EVENT_CANCELLED: 'event-cancelled',
  /** The event's date or venue changed (日時変更・会場変更), with its updated iCalendar entry. */
  EVENT_CHANGED: 'event-changed',
} as const;

/**
 * Outbox keys of the emails that tell someone a request is agreed (【面談成立】): to the person asked
 * (AGREED, or an auto-agreed REQUEST queued before AGREED existed) and to the requester (OUTCOME).
 * One email of each per request; `toldOfAgreement` reads them back.
 */
export const agreementEmailKeys = {
  request: (requestId: string) => `meeting-request-${requestId}`,
  agreed: (requestId: string) => `meeting-agreed-${requestId}`,
  outcome: (requestId: string) => `meeting-outcome-${requestId}`,
};
