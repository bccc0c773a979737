/** What a token may be used for; a token minted for one purpose is refused for any other. */
export const TokenPurpose = {
  INVITATION_RESPONSE: 'invitation-response',
  MAGIC_LINK: 'magic-link',
  /** Unsubscribe links are signed now (src/mail/unsubscribe-links.ts); stored ones from older emails still work. */
  UNSUBSCRIBE: 'unsubscribe',
  MEETING_RESPONSE: 'meeting-response',
  /** A suggestion digest's 「面談を申し込む」 link; the subject is the suggestion. */
  SUGGESTION_MEETING_REQUEST: 'suggestion-meeting-request',
  /** The post-event survey link; the subject is the registration. */
  SURVEY_ANSWER: 'survey-answer',
  /** 「参加をキャンセルする」 in a reminder or a registration confirmation; the subject is the registration. */
  REGISTRATION_CANCEL: 'registration-cancel',
  /**
   * The link of 【参加申込のご確認】, asked for on an event's public page: the subject is the
   * participant, the event is the token's scope (nobody is registered until they confirm).
   */
  EVENT_APPLICATION: 'event-application',
  /** A staff member's password-reset link; the subject is the users row. */
  PASSWORD_RESET: 'password-reset',
  /** The link of 【メールアドレス変更のご確認】, sent to the new address; the subject is the request. */
  EMAIL_CHANGE: 'email-change',
} as const;
export type TokenPurpose = (typeof TokenPurpose)[keyof typeof TokenPurpose];
