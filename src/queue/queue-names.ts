/**
 * Every queue and job name, in one place: producers and consumers (possibly in another process)
 * must agree on them. Payloads carry IDs only; handlers reload rows.
 */
export const QueueName = {
  /** Delivers outbox rows, a campaign's up to MAIL_JOB_ROWS to a job (src/mail/mail-jobs.ts). */
  MAIL: 'mail',
  /**
   * The same, for mail someone is waiting for (a sign-in link, an answer to their request): its
   * own queue, so it never waits behind a campaign's thousands of invitations.
   */
  MAIL_TRANSACTIONAL: 'mail-transactional',
  /** Periodic scans that write reminder emails into the outbox. */
  REMINDERS: 'reminders',
  /** The morning scan that sends the survey of events that ended the day before. */
  SURVEYS: 'surveys',
  /** The weekly scan that emails staff the follow-ups they have due. */
  FOLLOW_UPS: 'follow-ups',
  /** Computes an event's suggestions: `{ matchingRunId }`, job id = the run id. */
  MATCHING: 'matching',
  /** Runs the meeting scheduler for one event: `{ runId }`, job id = the run id. */
  SCHEDULING: 'scheduling',
  /** The periodic sweep that expires unanswered meeting requests past their deadline. */
  MEETING_REQUESTS: 'meeting-requests',
  /** The nightly scan that forgets the addresses of address changes that ended unconfirmed long ago. */
  EMAIL_CHANGE_RETENTION: 'email-change-retention',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);

export const MailJob = {
  DELIVER: 'deliver-outbox-messages',
} as const;

export interface DeliverMailPayload {
  outboxMessageIds: string[];
  /** Tries these rows had in earlier jobs (a job written to try them again later), 0 when absent. */
  triesBefore?: number;
}

export const SurveyJob = {
  SEND_AFTER_EVENTS: 'send-surveys-after-events',
} as const;

export const FollowUpJob = {
  SCAN_DUE: 'scan-follow-ups-due',
} as const;

export const ReminderJob = {
  SCAN_TOMORROW: 'scan-events-tomorrow',
} as const;

export const MeetingRequestJob = {
  EXPIRE_DUE: 'expire-due-requests',
} as const;

export const EmailChangeRetentionJob = {
  FORGET_ENDED: 'forget-ended-email-change-addresses',
} as const;

export const MatchingJob = {
  COMPUTE: 'compute-suggestions',
} as const;

export interface ComputeSuggestionsPayload {
  matchingRunId: string;
}

export const SchedulingJob = {
  RUN: 'schedule-meetings',
} as const;

export interface SchedulingPayload {
  runId: string;
}
